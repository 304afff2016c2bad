"""What an operator types on the command line: amounts in German or English notation, a counter-offer's
figures with German decimal commas, and where relative database paths point."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from app.commands import reviews
from app.config import Settings, anchored_sqlite_url, database_url_source, home_directory
from app.errors import RejectedInput


@pytest.mark.parametrize(("written", "value"), [
    ("1.234,56", "1234.56"), ("1,234.56", "1234.56"), ("2480", "2480.00"), ("99,5 €", "99.50"),
    ("EUR 1.234", "1234.00")])
def test_amounts_are_read_in_either_notation(written: str, value: str) -> None:
    assert reviews.parse_amount(written) == Decimal(value)


def test_a_word_is_no_amount() -> None:
    with pytest.raises(RejectedInput, match="not an amount: 'viel'"):
        reviews.parse_amount("viel")


def test_a_counter_offer_keeps_its_german_decimal_commas() -> None:
    assert reviews.parse_counter_offer("months=24,monthly_rate=5,00") == {
        "months": Decimal(24), "monthly_rate": Decimal("5.00")}
    assert reviews.parse_counter_offer("quota_percent=12,5, offer_amount=1.500,00") == {
        "quota_percent": Decimal("12.50"), "offer_amount": Decimal("1500.00")}


@pytest.mark.parametrize("written", ["rate=5", "months", "months=0", "monthly_rate=fünf"])
def test_a_counter_offer_with_an_unknown_name_or_bad_figure_is_refused(written: str) -> None:
    with pytest.raises(RejectedInput, match=r"counter-offer|not an amount"):
        reviews.parse_counter_offer(written)


def test_a_relative_sqlite_path_is_anchored_at_the_home(tmp_path: Path) -> None:
    assert anchored_sqlite_url("sqlite:///./var/x.db", tmp_path) == f"sqlite:///{tmp_path}/var/x.db"
    assert anchored_sqlite_url("sqlite:////srv/cm/x.db", tmp_path) == "sqlite:////srv/cm/x.db"
    assert anchored_sqlite_url("sqlite:///:memory:", tmp_path) == "sqlite:///:memory:"
    assert anchored_sqlite_url("postgresql+psycopg://u:p@h/db", tmp_path) == "postgresql+psycopg://u:p@h/db"


def test_the_home_comes_from_creditor_matcher_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CREDITOR_MATCHER_HOME", str(tmp_path))
    monkeypatch.chdir("/")
    assert home_directory() == tmp_path.resolve()
    settings = Settings(_env_file=None, database_url="sqlite:///./var/cm.db",  # type: ignore[call-arg]
                        attachment_store_dir=Path("var/files"))
    assert settings.database_url == f"sqlite:///{tmp_path.resolve()}/var/cm.db"
    assert settings.attachment_store_dir == tmp_path.resolve() / "var" / "files"


def test_without_a_configured_home_a_checkout_is_its_own_home(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CREDITOR_MATCHER_HOME", raising=False)
    monkeypatch.chdir("/")
    assert (home_directory() / "pyproject.toml").is_file()


def test_a_database_url_from_the_environment_is_named_as_such(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://cm@db/cm")
    assert database_url_source() == "DATABASE_URL from the environment"
