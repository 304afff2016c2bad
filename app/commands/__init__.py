"""commands — the `creditor-matcher` command groups for people; invariant: each prints a rich table on a
terminal and the same facts as JSON with `--json` or when piped, and changes data only through services."""
