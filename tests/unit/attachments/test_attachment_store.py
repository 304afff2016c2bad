"""The store keeps files under their sha256 and remembers which URL gave which file."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from app.config import Settings
from app.services.attachments import AttachmentStore, store_from_settings

URL = "https://acme.zendesk.com/attachments/token/s3cr3tT0ken/?name=aufstellung.pdf"


def test_a_file_is_stored_under_its_sha256_and_read_back_unchanged(tmp_path: Path) -> None:
    store = AttachmentStore(tmp_path)
    data = b"%PDF-1.4 Gesamtforderung"
    digest = store.put(data)
    assert digest == hashlib.sha256(data).hexdigest()
    assert store.path_for(digest).name == digest
    assert store.path_for(digest).read_bytes() == data
    assert store.get(digest) == data


def test_the_same_bytes_put_twice_are_one_file(tmp_path: Path) -> None:
    store = AttachmentStore(tmp_path)
    first = store.put(b"eins")
    modified = store.path_for(first).stat().st_mtime_ns
    assert store.put(b"eins") == first
    assert store.path_for(first).stat().st_mtime_ns == modified
    assert len(list((tmp_path / "objects").rglob("*"))) == 2  # one folder, one file


def test_a_remembered_url_is_found_by_a_new_store_on_the_same_folder(tmp_path: Path) -> None:
    digest = AttachmentStore(tmp_path).put(b"Forderung")
    AttachmentStore(tmp_path).remember_url(URL, digest)
    reopened = AttachmentStore(tmp_path)
    assert reopened.lookup_url(URL) == digest
    assert reopened.load_url(URL) == (digest, b"Forderung")
    assert reopened.lookup_url(URL + "&other") is None


def test_the_index_does_not_write_down_the_url_and_its_token(tmp_path: Path) -> None:
    store = AttachmentStore(tmp_path)
    store.remember_url(URL, store.put(b"Forderung"))
    written = b"".join(path.read_bytes() for path in tmp_path.rglob("*") if path.is_file())
    assert b"s3cr3tT0ken" not in written


def test_a_damaged_stored_file_counts_as_missing_and_is_repaired_by_the_next_put(
    tmp_path: Path,
) -> None:
    store = AttachmentStore(tmp_path)
    digest = store.put(b"Forderung")
    store.remember_url(URL, digest)
    store.path_for(digest).write_bytes(b"manipuliert")
    assert store.load_url(URL) is None
    store.put(b"Forderung")
    assert store.load_url(URL) == (digest, b"Forderung")


def test_a_corrupt_index_entry_is_a_miss_not_a_crash(tmp_path: Path) -> None:
    store = AttachmentStore(tmp_path)
    store.remember_url(URL, store.put(b"Forderung"))
    for entry in (tmp_path / "urls").rglob("*.json"):
        entry.write_text("{not json")
    assert store.lookup_url(URL) is None


def test_digests_that_are_not_sha256_hex_cannot_name_a_path(tmp_path: Path) -> None:
    store = AttachmentStore(tmp_path)
    with pytest.raises(ValueError):
        store.path_for("../../etc/passwd")
    with pytest.raises(ValueError):
        store.remember_url(URL, "A" * 64)


def test_the_store_folder_comes_from_settings(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, attachment_store_dir=tmp_path / "anhaenge")  # type: ignore[call-arg]
    assert store_from_settings(settings).root == tmp_path / "anhaenge"
