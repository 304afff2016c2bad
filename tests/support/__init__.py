"""tests/support — shared test helpers: local servers only, nothing reaches the internet."""
