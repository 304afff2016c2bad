"""The chart numbers on both databases: arrivals and endings per minute and hour from the rows and the history,
nearest-rank processing-time percentiles, and the open-review depth at the end of each bucket."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.database import session_scope
from app.models import JobEvent, Review
from app.routers.svg_charts import line_chart, nice_ceiling
from app.services import charts
from tests.support.factories import insert_email

NOW = datetime(2026, 12, 4, 10, 30, 15, tzinfo=UTC)


def ended(email_id: int, to_status: str, at: datetime) -> None:
    with session_scope() as session:
        session.add(JobEvent(email_id=email_id, at=at, kind="status", from_status="processing", to_status=to_status))


def done_in(seconds: float, completed_at: datetime) -> int:
    return insert_email("completed", started_at=completed_at - timedelta(seconds=seconds), completed_at=completed_at)


def test_jobs_per_minute_count_arrivals_and_the_status_changes_of_the_history(database: str) -> None:
    arrived = [NOW - timedelta(minutes=2, seconds=5), NOW - timedelta(minutes=2, seconds=40),
               NOW - timedelta(seconds=3), NOW - timedelta(hours=2)]  # the last one is outside the hour
    ids = [insert_email("completed", created_at=moment) for moment in arrived]
    ended(ids[0], "failed", NOW - timedelta(minutes=1, seconds=30))
    ended(ids[0], "completed", NOW - timedelta(seconds=10))  # retried: counts as failed once and completed once
    ended(ids[1], "completed", NOW - timedelta(seconds=12))
    ended(ids[2], "queued", NOW - timedelta(seconds=1))  # not an ending
    with session_scope() as session:
        buckets = charts.throughput(session, charts.MINUTE, 60, NOW)
    assert len(buckets) == 60 and buckets[-1].start == datetime(2026, 12, 4, 10, 30, tzinfo=UTC)
    assert buckets[0].start == datetime(2026, 12, 4, 9, 31, tzinfo=UTC)
    by_start = {b.start.strftime("%H:%M"): (b.received, b.completed, b.failed) for b in buckets
                if (b.received, b.completed, b.failed) != (0, 0, 0)}
    assert by_start == {"10:27": (1, 0, 0), "10:28": (1, 0, 1), "10:30": (1, 2, 0)}
    with session_scope() as session:
        hourly = charts.throughput(session, charts.HOUR, 24, NOW)
    assert (hourly[-1].received, hourly[-1].completed, hourly[-1].failed) == (3, 2, 1)
    assert (hourly[-3].received, sum(b.received for b in hourly)) == (1, 4)


def test_percentiles_use_the_nearest_rank() -> None:
    values = [float(n) for n in range(1, 101)]
    assert [charts.percentile(values, q) for q in charts.QUANTILES] == [50.0, 90.0, 99.0]
    assert charts.percentiles_of([4.0, 1.0, 2.0]) == charts.Percentiles(count=3, p50=2.0, p90=4.0, p99=4.0)
    assert charts.percentiles_of([]) == charts.Percentiles(count=0, p50=None, p90=None, p99=None)


def test_processing_time_percentiles_cover_completed_jobs_of_the_window(database: str) -> None:
    for seconds in range(1, 11):  # 1 … 10 s, all completed within the last hour
        done_in(float(seconds), NOW - timedelta(minutes=seconds))
    done_in(500.0, NOW - timedelta(hours=3))  # only in the day
    insert_email("failed", started_at=NOW - timedelta(minutes=5), completed_at=NOW - timedelta(minutes=1))
    with session_scope() as session:
        hour = charts.processing_time(session, charts.HOUR, NOW)
        day = charts.processing_time(session, timedelta(days=1), NOW)
        per_hour = charts.processing_time_per_bucket(session, charts.HOUR, 24, NOW)
    assert (hour.count, hour.p50, hour.p90, hour.p99) == (10, 5.0, 9.0, 10.0)
    assert (day.count, day.p99) == (11, 500.0)
    assert per_hour[-1][1].count == 10 and per_hour[-4][1].p50 == 500.0
    assert per_hour[-2][1] == charts.Percentiles(count=0, p50=None, p90=None, p99=None)


def test_review_depth_is_the_open_reviews_at_the_end_of_each_bucket(database: str) -> None:
    spans = [(NOW - timedelta(hours=5), None),  # open all day
             (NOW - timedelta(hours=3, minutes=30), NOW - timedelta(hours=1, minutes=10)),
             (NOW - timedelta(minutes=20), None)]
    for opened, decided in spans:
        email_id = insert_email("completed")
        with session_scope() as session:
            session.add(Review(email_id=email_id, status="open" if decided is None else "approved", reasons=[],
                               match_status="probable", created_at=opened, decided_at=decided))
    with session_scope() as session:
        depth = charts.review_depth(session, charts.HOUR, 24, NOW)
    assert depth[-1].at == NOW and depth[-1].depth == 2
    assert [point.depth for point in depth[-7:-1]] == [0, 1, 1, 2, 2, 1]  # ends 05:00 … 10:00


def test_buckets_start_on_whole_minutes_and_hours() -> None:
    assert charts.floor_to(NOW, charts.MINUTE) == datetime(2026, 12, 4, 10, 30, tzinfo=UTC)
    assert charts.floor_to(NOW, charts.HOUR) == datetime(2026, 12, 4, 10, 0, tzinfo=UTC)
    assert charts.bucket_starts(NOW, charts.HOUR, 3)[0] == datetime(2026, 12, 4, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(("top", "axis"), [(0, 1), (0.3, 0.5), (7, 10), (12, 20), (240, 250), (3001, 5000)])
def test_the_axis_top_is_a_round_number_at_least_the_largest_value(top: float, axis: float) -> None:
    assert nice_ceiling(top) == axis


def test_every_drawn_point_keeps_its_value_and_gaps_are_not_drawn() -> None:
    chart = line_chart("t", "Jobs", ["10:00", "10:01", "10:02"], [("completed", "completed", [5.0, None, 10.0])])
    line = chart.lines[0]
    assert line.data == "5,,10"
    assert [dot.tip for dot in line.dots] == ["10:00: completed 5", "10:02: completed 10"]
    assert [dot.y for dot in line.dots] == [chart.top + (chart.bottom_edge - chart.top) / 2, chart.top]
    assert [text for _y, text in chart.y_ticks] == ["0", "5", "10"]


def test_a_gap_breaks_the_line_and_bars_are_drawn_only_for_counts_above_zero() -> None:
    labels = ["a", "b", "c", "d", "e"]
    lines = line_chart("t", "Time", labels, [("p50", "p50", [1.0, 2.0, None, 3.0, 4.0])]).lines[0]
    assert len(lines.segments) == 2 and len(lines.dots) == 4
    bars = line_chart("t", "Jobs", labels, [("received", "received", [0.0, 2.0, 0.0, 4.0, 0.0]),
                                            ("failed", "failed", [1.0, 0.0, 0.0, 0.0, 0.0])], kind="bars")
    received, failed = bars.lines
    assert [bar.tip for bar in received.bars] == ["b: received 2", "d: received 4"]
    assert received.bars[1].height == 2 * received.bars[0].height and received.dots == []
    assert failed.bars[0].x > received.bars[0].x - bars.width  # side by side in its own slot
