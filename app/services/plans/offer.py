"""services/plans/offer.py — what a plan letter offers one creditor; invariant: figures are exact decimals,
read from JSON floats through their shortest repr, and a `zero` plan offers nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from app.services import money

PlanType = Literal["quota", "one_off", "flexible", "zero"]
PLAN_TYPES: tuple[PlanType, ...] = ("quota", "one_off", "flexible", "zero")
OFFER_FIGURES = ("offer_amount", "quota_percent", "monthly_rate", "months")


class PlanOffer(BaseModel):
    """`offer_amount` is the total this creditor would receive; for quota and flexible plans it is
    `monthly_rate × months`, give or take the cent the rate was rounded to."""

    model_config = ConfigDict(extra="forbid")

    type: PlanType
    quota_percent: Decimal | None = Field(default=None, ge=0, le=100, max_digits=6, decimal_places=3)
    offer_amount: Decimal | None = Field(default=None, ge=0, max_digits=12, decimal_places=2)
    monthly_rate: Decimal | None = Field(default=None, ge=0, max_digits=12, decimal_places=2)
    months: int | None = Field(default=None, ge=1, le=600)
    reply_by: date | None = None

    @field_validator("quota_percent", "offer_amount", "monthly_rate", mode="before")
    @classmethod
    def _exact(cls, value: Any) -> Any:
        if isinstance(value, str) and not value.strip():
            return None
        return money.exact(value) if isinstance(value, float) else value

    @field_validator("months", "reply_by", mode="before")
    @classmethod
    def _blank_is_missing(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @model_validator(mode="after")
    def _zero_offers_nothing(self) -> PlanOffer:
        if self.type == "zero" and any(getattr(self, name) for name in OFFER_FIGURES):
            raise ValueError("a zero plan (Nullplan) offers no amount, quota, rate or months")
        return self

    def figures(self) -> dict[str, Decimal]:
        """The offer's stated figures by name (months as a whole Decimal), for comparing with a reply."""
        values: dict[str, Decimal] = {}
        for name in OFFER_FIGURES:
            value = getattr(self, name)
            if value is not None:
                values[name] = money.exact(value)
        return values

    def stored(self) -> dict[str, Any]:
        """The JSON column's form: decimals as strings, the date as ISO text, absent figures left out."""
        return self.model_dump(mode="json", exclude_none=True)
