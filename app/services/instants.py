"""services/instants.py — the span of timestamps accepted from outside, so that arithmetic on a stored
instant (ages, deadlines, time zones) can never leave the calendar."""

from __future__ import annotations

from datetime import UTC, datetime

EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(2999, 12, 31, 23, 59, 59, tzinfo=UTC)


def bounded_utc(value: datetime) -> datetime:
    """`value` (naive means UTC) in UTC; ValueError, which pydantic turns into a 422, when it lies outside
    EARLIEST..LATEST or its offset pushes it past year 1 or 9999."""
    try:
        utc = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    except OverflowError:
        raise ValueError("lies outside the calendar once converted to UTC") from None
    if not EARLIEST <= utc <= LATEST:
        raise ValueError(f"must lie between {EARLIEST:%Y-%m-%d} and {LATEST:%Y-%m-%d} (UTC)")
    return utc
