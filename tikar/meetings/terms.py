"""The budget words of a desa and of a kelurahan.

A kelurahan (code X = 1, regions.Region.village_kind) has KPM and a Rembuk Stunting too, but no
Dana Desa and no APBDes: its activities are paid from the dana kelurahan and the city's APBD
(PP 17/2018 on kecamatan; Permendagri 130/2018 on dana kelurahan). Every page and print asks
`budget_terms()` for its words and for the funding sources it offers, so that no kelurahan is
shown Dana Desa fields.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from tikar.meetings.models import FundingSource


@dataclass(frozen=True)
class BudgetTerms:
    is_kelurahan: bool
    plan: str  # the work plan the rembuk feeds (RKPDes)
    budget: str  # the budget that allocates (APBDes)
    head: str  # who signs for the village
    funding_sources: tuple[str, ...]  # FundingSource values offered, in order
    has_dana_desa: bool


DESA = BudgetTerms(
    is_kelurahan=False,
    plan=_("RKPDes"),
    budget=_("APBDes"),
    head=_("Kepala Desa"),
    funding_sources=(
        FundingSource.DANA_DESA,
        FundingSource.VILLAGE_OTHER,
        FundingSource.APBD,
        FundingSource.OTHER,
    ),
    has_dana_desa=True,
)

KELURAHAN = BudgetTerms(
    is_kelurahan=True,
    plan=_("kelurahan work plan (Renja Kelurahan)"),
    budget=_("kelurahan budget (DPA, dana kelurahan / APBD)"),
    head=_("Lurah"),
    funding_sources=(FundingSource.DANA_KELURAHAN, FundingSource.APBD, FundingSource.OTHER),
    has_dana_desa=False,
)


def budget_terms(village) -> BudgetTerms:
    """The words and funding sources for `village` (a Region of level village, or its code)."""
    code = village if isinstance(village, str) else village.code
    return KELURAHAN if len(code) == 13 and code[9] == "1" else DESA
