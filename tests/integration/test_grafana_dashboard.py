"""The Grafana dashboard in docs/grafana asks only for series that /metrics exposes, and shows every metric
family /metrics has: a renamed metric fails here instead of leaving an empty panel."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

DASHBOARD = Path(__file__).resolve().parents[2] / "docs" / "grafana" / "creditor-matcher.json"
NAME = re.compile(r"\bcreditor_matcher_[a-z0-9_]+")
SUFFIXES = {"counter": ("_total",), "histogram": ("_bucket", "_sum", "_count"), "gauge": ("",)}


def expressions(node: Any) -> list[str]:
    """Every PromQL expression in the dashboard: panel targets and template variable queries."""
    if isinstance(node, dict):
        found = [node["expr"]] if isinstance(node.get("expr"), str) else []
        if isinstance(node.get("definition"), str):
            found.append(node["definition"])
        return found + [expr for value in node.values() for expr in expressions(value)]
    if isinstance(node, list):
        return [expr for item in node for expr in expressions(item)]
    return []


def exposed(client: TestClient) -> dict[str, set[str]]:
    """Family name → the series names a query may use (a histogram with no observation yet has none in the
    text, so the names come from the family's type)."""
    text = client.get("/metrics").text
    return {family.name: {family.name + suffix for suffix in SUFFIXES[family.type]}
            for family in text_string_to_metric_families(text)}


def test_every_series_the_dashboard_queries_is_exposed(client: TestClient) -> None:
    queried = {name for expr in expressions(json.loads(DASHBOARD.read_text(encoding="utf-8")))
               for name in NAME.findall(expr)}
    available = set().union(*exposed(client).values())
    assert queried, "no query found in the dashboard"
    assert sorted(queried - available) == []


def test_every_exposed_metric_has_a_panel(client: TestClient) -> None:
    queried = {name for expr in expressions(json.loads(DASHBOARD.read_text(encoding="utf-8")))
               for name in NAME.findall(expr)}
    unshown = [family for family, names in exposed(client).items() if not names & queried]
    assert unshown == []


def test_the_dashboard_panels_have_unique_ids_and_use_the_datasource_variable() -> None:
    dashboard = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    panels = dashboard["panels"]
    assert len({panel["id"] for panel in panels}) == len(panels)
    for panel in panels:
        if panel["type"] != "row":
            assert panel["datasource"]["uid"] == "${datasource}", panel["title"]
            assert panel["targets"], panel["title"]
