"""What the online entry form shows beside the measurement inputs (issue 10 §4, docs/posyandu.md "The entry form").

- Last month's weight and length of the child, with the month they are from ("belum ditimbang
  bulan lalu" when the child was not weighed the month before, with the latest earlier weighing).
- The posyandu's judgement of the weight being typed (N/T/O/B, 2T, BGM), by
  `tikar.monitoring.weighing.judge_unsaved` (judge_series over the child's earlier records and
  the typed one, with the kabupaten's KBM table from `tikar.growth.standards.kbm_table_for`):
  the same function and age as the stored judgement (`refresh_child`), so what the form says
  is what is saved.
- The growth mat colour compared with the length (`tikar.growth.mat.check_mat`).
- For a pregnancy: LiLA < 23.5 cm is KEK (spec/posyandu.md), and the form asks the KPM to set
  the risk status; it never sets it by itself.

Everything a user reads is English through gettext (Indonesian in the catalogue), except the
texts of the pure modules, which are Indonesian already.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from tikar.calendar import add_months, month_name
from tikar.growth import mat as growth_mat
from tikar.growth import weighing as gw
from tikar.households.models import Child, RiskStatus
from tikar.monitoring import rules
from tikar.monitoring.models import ChildVisit
from tikar.monitoring.weighing import age_months, judge_unsaved

KEK_BELOW_CM = Decimal("23.5")  # LiLA < 23.5 cm: kurang energi kronis (spec/posyandu.md)


def _standards(village_code: str) -> tuple[str, growth_mat.MatCutoffs]:
    """The kabupaten's KBM table key and growth mat cut-offs (defaults without a choice)."""
    from tikar.growth.standards import kbm_table_for, mat_cutoffs_for

    return kbm_table_for(village_code), mat_cutoffs_for(village_code)


def _kg(value: Any) -> str:
    return rules.id_decimal(value, 1)


def _grams(value: int) -> str:
    return f"{abs(value):,}".replace(",", ".")


@dataclass(frozen=True)
class Earlier:
    """A child's earlier monthly records, as the entry form of `month` reads them."""

    visits: list[ChildVisit]  # alive, before `month`, in month order

    @property
    def weighed(self) -> list[ChildVisit]:
        return [v for v in self.visits if gw.grams(v.weight_kg) is not None]


def earlier_visits(child: Child, month: date) -> Earlier:
    return Earlier(
        list(
            ChildVisit.objects.alive()
            .filter(child=child, month__lt=month)
            .order_by("month")
            .only(
                "month",
                "visit_date",
                "weight_kg",
                "length_cm",
                "gain_override_reason",
            )
        )
    )


def last_month(child: Child, month: date, earlier: Earlier | None = None) -> dict:
    """Last month's weight and length for the page, and the latest earlier measurement.

    {"month_label", "weighed": bool, "weight", "length" (Indonesian decimals or ""),
     "latest": {"month_label", "weight", "length"} | None (only when last month was not
     weighed and an earlier weighing or length exists)}.
    """
    earlier = earlier or earlier_visits(child, month)
    previous = add_months(month, -1)
    row = next((v for v in earlier.visits if v.month == previous), None)
    measured = [v for v in earlier.visits if v.weight_kg is not None or v.length_cm is not None]

    def values(v: ChildVisit) -> dict:
        return {
            "month_label": month_name(v.month),
            "weight": _kg(v.weight_kg) if v.weight_kg is not None else "",
            "length": _kg(v.length_cm) if v.length_cm is not None else "",
        }

    out: dict = {"month_label": month_name(previous), "weighed": False, "latest": None}
    if row is not None and (row.weight_kg is not None or row.length_cm is not None):
        out |= values(row) | {"weighed": row.weight_kg is not None}
        out["weight_kg"] = row.weight_kg  # for the page's data attribute (tests, scripts)
        if row.weight_kg is None:
            earlier_weighed = [v for v in earlier.weighed if v.month < previous]
            out["latest"] = values(earlier_weighed[-1]) if earlier_weighed else None
    elif measured:
        out["latest"] = values(measured[-1])
    return out


def judgement_text(j: gw.Judgement) -> str:
    """ "Naik 300 g (minimal 200 g): N", "Naik 100 g, kurang dari minimal 200 g: T" and the like,
    for the entry form; a T with a reason reads "…: N (mengikuti garis pertumbuhannya)"."""
    if j.code in (gw.N, gw.T) and j.gain_g is not None and j.kbm_g is not None:
        code = _("N (follows its growth line)") if j.overridden else j.code
        values = {"g": _grams(j.gain_g), "kbm": _grams(j.kbm_g), "code": code}
        if j.gain_g >= j.kbm_g:
            return _("Gained %(g)s g (minimum %(kbm)s g): %(code)s") % values
        # Under the KBM (a T, or a T judged N): say it is less than the minimum.
        if j.gain_g > 0:
            return _("Gained %(g)s g, less than the minimum %(kbm)s g: %(code)s") % values
        if j.gain_g == 0:
            return _("Same weight, 0 g, less than the minimum %(kbm)s g: %(code)s") % values
        return _("Lost %(g)s g, less than the minimum %(kbm)s g: %(code)s") % values
    if j.code == gw.O and j.gain_g is not None:
        return _("O: no judgement at 0 months (no minimum gain in the first month)")
    return gw.GAIN_LABELS.get(j.code, "")


def weight_implausible(weight_kg: Any, score: dict | None) -> bool:
    """Whether the typed weight is one the server refuses (outside `rules.CHILD_LIMITS`) or
    asks about (a flagged BB/U z): then no N/T, 2T or BGM is said until it is checked."""
    if weight_kg is None:
        return False
    try:
        if rules.check_child_measurement_limits(weight_kg=weight_kg):
            return True
    except (TypeError, ValueError):
        return False
    return bool(score and score.get("fwei"))


def weighing_context(
    child: Child,
    month: date,
    fields: dict,
    score: dict | None,
    earlier: Earlier | None = None,
) -> dict:
    """The judgement block of the z-score partial: code, text, 2T, BGM, override, mat check.

    `fields`: the typed values (weight_kg, visit_date, oedema, growth_mat,
    gain_override_reason); `score`: `ChildVisit.score()` of the typed measurement or None;
    `earlier`: the child's earlier visits when the page has read them (`earlier_visits`).
    A weight outside the plausible limits is not judged: the block asks to check it first.
    """
    table, cutoffs = _standards(child.village_id)
    reason = (fields.get("gain_override_reason") or "").strip()
    visit_date = fields.get("visit_date")
    j = judge_unsaved(
        child,
        month,
        fields.get("weight_kg"),
        visit_date=visit_date,
        override_reason=reason,
        table=table,
        earlier=earlier.visits if earlier is not None else None,
    )
    check = bool(j.code) and weight_implausible(fields.get("weight_kg"), score)
    out: dict = {
        "code": "" if check else j.code,
        "check": check,
        "text": _("Check the weight first: it is outside the plausible limits. No N/T yet.")
        if check
        else judgement_text(j)
        if j.code
        else "",
        "good": j.code == gw.N and not check,
        "bad": j.code == gw.T and not check,
        "two_t": j.two_t and not check,
        # The reason input: offered on a T, kept while it turns the T into N (and kept while
        # an implausible weight is checked, so a reason typed is not lost).
        "override": (j.code == gw.T or j.overridden) and (not check or bool(reason)),
        "overridden": j.overridden and not check,
        "reason": reason,
        "bgm": False,
        "mat": None,
        "mat_unverified": not cutoffs.verified,
    }
    if score is not None:
        out["bgm"] = not check and gw.is_bgm(score.get("zwei"), bool(fields.get("oedema")))
        if visit_date is not None:
            mat = growth_mat.check_mat(
                fields.get("growth_mat"),
                score.get("zlen"),
                age_months(child.birth_date, month, visit_date),
                cutoffs,
                zlen_flagged=bool(score.get("flen")),
            )
            if mat is not None and not mat.matches:
                out["mat"] = mat.message
    return out


def muac_value(raw: Any) -> Decimal | None:
    """A typed LiLA (comma or point) as a Decimal, None when empty or unreadable."""
    if raw is None:
        return None
    if isinstance(raw, Decimal):
        return raw
    text = str(raw).strip().replace(",", ".")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() and value > 0 else None


def kek_context(muac_cm: Any, risk_status: str | None) -> dict:
    """{"kek": LiLA < 23.5 cm, "prompt": KEK but the risk status is not KEK yet}."""
    value = muac_value(muac_cm)
    kek = value is not None and value < KEK_BELOW_CM
    return {"kek": kek, "prompt": kek and risk_status != RiskStatus.KEK, "muac": value}
