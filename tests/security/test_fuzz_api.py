"""Schema-driven fuzzing of every API operation, in process on SQLite: a few thousand valid and invalid
requests, not one answered with a 5xx (issue 9). bench/fuzz_api.py runs the same for 100 000+ requests."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.generation import GenerationMode
from schemathesis.generation.case import Case
from schemathesis.schemas import APIOperation

from app import queue
from app.main import create_app

CASES_PER_OPERATION_AND_MODE = 100
JSON = {"content-type": "application/json"}


@pytest.fixture
def schema(sqlite_database: str) -> Iterator[schemathesis.BaseSchema]:
    queue.declare_queue()
    queue.get_broker().flush_all()
    yield schemathesis.openapi.from_asgi("/openapi.json", create_app(run_scheduler=False, run_embedded_worker=False))
    queue.get_broker().flush_all()


def send(case: Case) -> int:
    """The status, or 599 when the app raised instead of answering. A bodiless write gets the JSON content type
    a real client sends, so the fuzz reaches the handler and not only the content-type guard."""
    try:
        response = case.call(headers=JSON if case.media_type is None else None)
    except Exception:
        return 599
    return response.status_code


def fuzz(operation: APIOperation, mode: GenerationMode, examples: int, statuses: Counter[int],
         server_errors: list[str]) -> None:
    @settings(max_examples=examples, deadline=None, derandomize=True, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy(generation_mode=mode))
    def one(case: Case) -> None:
        status = send(case)
        statuses[status] += 1
        if status >= 500 and len(server_errors) < 10:
            server_errors.append(f"{status}: {case.as_curl_command()}")

    one()


def test_no_fuzzed_request_is_answered_with_a_server_error(schema: schemathesis.BaseSchema) -> None:
    statuses: Counter[int] = Counter()
    server_errors: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    for operation in operations:
        fuzz(operation, GenerationMode.POSITIVE, CASES_PER_OPERATION_AND_MODE, statuses, server_errors)
        if operation.path_parameters or operation.query or operation.body or operation.headers:
            fuzz(operation, GenerationMode.NEGATIVE, CASES_PER_OPERATION_AND_MODE, statuses, server_errors)
    assert not server_errors, "\n".join(server_errors)
    assert sum(statuses.values()) >= 2_000, statuses
    assert statuses[200] + statuses[201] > 100, statuses
    assert len(operations) >= 12
