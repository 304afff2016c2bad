"""creditor-matcher: reads creditors' replies and turns them into audited debt records."""

from app.extras import import_without_extras

import_without_extras()
