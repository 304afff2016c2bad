"""routers/processing.py — adapter stage: the processing switch (pause / resume, with who) and the queue's
state (depth, oldest waiting job, live workers) for operators' scripts and monitors."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Header, Query
from sqlalchemy.orm import Session

from app.database import get_session
from app.routers.auth import require_all_firms
from app.routers.csrf import require_json_same_origin
from app.schemas.jobs import OperatorAction
from app.schemas.processing import ProcessingState, WorkerOut
from app.services import operations, queue_status

router = APIRouter(prefix="/api/v1/processing", tags=["processing"], dependencies=[Depends(require_all_firms)])
OperatorHeader = Header(default=None, max_length=200, description="who acts (or the body's `operator`)")


def state(session: Session, resent: int | None = None,
          alive_within: float | None = None) -> ProcessingState:
    seen = queue_status.status(session, alive_within=alive_within)
    return ProcessingState(
        paused=seen.paused, changed_by=seen.switched_by, changed_at=seen.switched_at, waiting=seen.waiting,
        processing=seen.processing, oldest_waiting_id=seen.oldest_waiting_id,
        oldest_waiting_seconds=seen.oldest_waiting_seconds,
        workers=[WorkerOut.model_validate(worker, from_attributes=True) for worker in seen.workers],
        no_worker_alive=seen.stranded, resent=resent)


@router.get("", response_model=ProcessingState)
def processing_state(alive_within: float | None = Query(default=None, gt=0, le=86_400,
                                                 description="seconds since its last beat a worker counts as alive"),
                     session: Session = Depends(get_session)) -> ProcessingState:
    return state(session, alive_within=alive_within)


@router.post("/pause", response_model=ProcessingState, dependencies=[Depends(require_json_same_origin)])
def pause(body: OperatorAction | None = None, x_operator: str | None = OperatorHeader,
          session: Session = Depends(get_session)) -> ProcessingState:
    """No job is claimed until resumed; running ones finish; the sweeper waits too."""
    operations.set_processing(True, operations.operator_name(body.operator if body else None, x_operator))
    return state(session)


@router.post("/resume", response_model=ProcessingState, dependencies=[Depends(require_json_same_origin)])
def resume(body: OperatorAction | None = None, x_operator: str | None = OperatorHeader,
           session: Session = Depends(get_session)) -> ProcessingState:
    """Processing goes on, and every waiting job is sent to the workers at once."""
    _flag, resent = operations.set_processing(False, operations.operator_name(body.operator if body else None,
                                                                              x_operator))
    return state(session, resent)
