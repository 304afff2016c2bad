"""bench/bare_app.py — the ingest benchmark's yardstick: one POST endpoint that answers 200 and does nothing.

Served by bench/ingest.py under the Procfile's own uvicorn command line, so the ratio measures our work only."""

from __future__ import annotations

from fastapi import FastAPI, Request


def app_factory() -> FastAPI:
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)

    @app.post("/api/v1/zendesk/webhook")
    async def accept(request: Request) -> dict[str, str]:
        await request.body()
        return {"status": "ok"}

    return app
