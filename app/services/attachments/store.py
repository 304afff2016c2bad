"""attachments/store.py — storage stage: files kept by sha256; a stored URL is never re-fetched."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import structlog

from app.config import Settings

logger = structlog.get_logger(__name__)

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class AttachmentStore:
    """A folder of content-addressed files plus a URL index.

    Layout under `root`:
      objects/ab/ab12…ef    the bytes of one file, named by their sha256
      urls/9f/9f3c….json    {"sha256": …, "stored_at": …} for the URL with that sha256;
                            the URL itself (which may carry a token) is not written down
    """

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)

    # --- objects --------------------------------------------------------------------------

    def put(self, data: bytes) -> str:
        """Store `data` (once, however often it is put) and return its sha256."""
        digest = hashlib.sha256(data).hexdigest()
        path = self.path_for(digest)
        # A missing or damaged copy is (re)written; an intact one is left alone.
        if self.get(digest) is None:
            _write_atomically(path, data)
            logger.debug("attachment_stored", sha256=digest, size=len(data))
        return digest

    def get(self, digest: str) -> bytes | None:
        """The bytes stored under `digest`, or None when absent or no longer matching it."""
        path = self.path_for(digest)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        if hashlib.sha256(data).hexdigest() != digest:
            logger.warning("attachment_store_corrupt_object", sha256=digest)
            return None
        return data

    def path_for(self, digest: str) -> Path:
        if not _SHA256.match(digest):
            raise ValueError("not a lower-case hex sha256 digest")
        return self.root / "objects" / digest[:2] / digest

    # --- URL index ------------------------------------------------------------------------

    def remember_url(self, url: str, digest: str) -> None:
        """Record that `url` gave the file stored under `digest`."""
        self.path_for(digest)  # validates the digest
        entry = {"sha256": digest, "stored_at": datetime.now(UTC).isoformat()}
        _write_atomically(self._index_path(url), json.dumps(entry).encode("utf-8"))

    def lookup_url(self, url: str) -> str | None:
        """The sha256 recorded for `url`, or None when unknown or unreadable."""
        try:
            entry = json.loads(self._index_path(url).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            logger.warning("attachment_store_bad_index_entry")
            return None
        digest = entry.get("sha256") if isinstance(entry, dict) else None
        return digest if isinstance(digest, str) and _SHA256.match(digest) else None

    def load_url(self, url: str) -> tuple[str, bytes] | None:
        """(sha256, bytes) of a file fetched from `url` before, if it is still intact."""
        digest = self.lookup_url(url)
        if digest is None:
            return None
        data = self.get(digest)
        return None if data is None else (digest, data)

    def _index_path(self, url: str) -> Path:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.root / "urls" / key[:2] / f"{key}.json"


def store_from_settings(settings: Settings) -> AttachmentStore:
    return AttachmentStore(settings.attachment_store_dir)


def _write_atomically(path: Path, data: bytes) -> None:
    """Write to a private temporary file beside `path`, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".incoming-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
