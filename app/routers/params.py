"""routers/params.py — bounds for ids and offsets in URLs, so an out-of-range number is a 422, never a
database overflow."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query

# Row ids are 32-bit INTEGER columns on PostgreSQL; a larger number cannot name a row.
MAX_ROW_ID = 2_147_483_647
MAX_OFFSET = 2_147_483_647
MAX_LIMIT = 200
DEFAULT_LIMIT = 50

RowId = Annotated[int, Path(ge=1, le=MAX_ROW_ID, description="a row id (1 to 2147483647)")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip (0 to 2147483647)")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="page size (1 to 200)")]
Cursor = Annotated[str | None, Query(max_length=32, description="`next_cursor` of the previous page")]
ExternalId = Annotated[str, Path(min_length=1, max_length=64, description="the portal's inquiry id")]
