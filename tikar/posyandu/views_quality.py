"""The data-quality report (`/mutu-data/`) and its drill-down (`/mutu-data/anak/`).

Who sees what: a KPM or Admin Desa their desa (another `?wilayah=` is a 404); an officer an
area inside theirs with `?wilayah=CODE` (desa, kecamatan or kabupaten; outside their area a
404), their own area by default; a province officer or the national administrator first picks a
kabupaten. Period: `?bulan=YYYY-MM`, `?kuartal=YYYY-Q`, or `?dari=YYYY-MM&sampai=YYYY-MM`
(at most 24 months, not after this month); without one, the current quarter so far. A period
that cannot be read is answered with a message in Bahasa Indonesia (status 400), never a 500.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from tikar import clock
from tikar.accounts.models import Role
from tikar.accounts.scope import scoped_regions
from tikar.calendar import month_name, quarter_of, shift_day
from tikar.growth import quality
from tikar.growth.mat import COLOUR_LABELS
from tikar.monitoring.rules import id_decimal
from tikar.posyandu.quality_queries import child_names, quality_for_region
from tikar.regions.models import Level, Region

MAX_MONTHS = 24
PAGE_SIZE = 50

LABELS = {
    "sd_zlen": gettext_lazy("SD of length/height-for-age z (PB/U, TB/U)"),
    "sd_zwei": gettext_lazy("SD of weight-for-age z (BB/U)"),
    "sd_zwfl": gettext_lazy("SD of weight-for-length/height z (BB/PB, BB/TB)"),
    "flag_zlen": gettext_lazy("Flagged PB/U values (implausible)"),
    "flag_zwei": gettext_lazy("Flagged BB/U values (implausible)"),
    "flag_zwfl": gettext_lazy("Flagged BB/PB values (implausible)"),
    "missing_weight": gettext_lazy("Length without weight"),
    "missing_length": gettext_lazy("Weight without length"),
    "missing_position": gettext_lazy("Length without position (lying/standing)"),
    "missing_z": gettext_lazy("Z-score could not be computed"),
    "digit_weight": gettext_lazy("Weights ending in ,0 or ,5"),
    "digit_length": gettext_lazy("Lengths ending in ,0 or ,5"),
    "standing_under_24": gettext_lazy("Measured standing under 24 months"),
    "lying_24_plus": gettext_lazy("Measured lying at 24 months or older"),
    "mat_mismatch": gettext_lazy("Growth mat colour does not match the length"),
    "not_weighed": gettext_lazy("Child-months without weighing"),
}
GROUPS = (
    (gettext_lazy("Spread of the z-scores"), ("sd_zlen", "sd_zwei", "sd_zwfl")),
    (gettext_lazy("Implausible values"), ("flag_zlen", "flag_zwei", "flag_zwfl")),
    (
        gettext_lazy("Missing data"),
        ("missing_weight", "missing_length", "missing_position", "missing_z"),
    ),
    (gettext_lazy("Terminal-digit preference"), ("digit_weight", "digit_length")),
    (gettext_lazy("Position of measurement"), ("standing_under_24", "lying_24_plus")),
    (gettext_lazy("Growth mat and weighing"), ("mat_mismatch", "not_weighed")),
)


# --------------------------------------------------------------------------------------------
# Period


class PeriodError(ValueError):
    pass


_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-[Qq]?([1-4])$")


def _month(value: str) -> date:
    m = _MONTH.match(value.strip())
    if not m or not 1 <= int(m.group(2)) <= 12 or not 2000 <= int(m.group(1)) <= 2100:
        raise PeriodError(
            _("“%(value)s” is not a month: write it as YYYY-MM, for example 2026-05.")
            % {"value": value[:20]}
        )
    return date(int(m.group(1)), int(m.group(2)), 1)


@dataclass(frozen=True)
class Period:
    first: date
    last: date
    params: dict[str, str]  # the query parameters that name it

    @property
    def label(self) -> str:
        if self.first == self.last:
            return month_name(self.first)
        return f"{month_name(self.first)} – {month_name(self.last)}"


def parse_period(get, today: date) -> Period:
    """The period named by the query (see the module docstring); PeriodError with the message."""
    this_month = today.replace(day=1)
    bulan, kuartal = get.get("bulan", ""), get.get("kuartal", "")
    dari, sampai = get.get("dari", ""), get.get("sampai", "")
    if bulan:
        first = last = _month(bulan)
        params = {"bulan": f"{first:%Y-%m}"}
    elif kuartal:
        m = _QUARTER.match(kuartal.strip())
        if not m or not 2000 <= int(m.group(1)) <= 2100:
            raise PeriodError(
                _("“%(value)s” is not a quarter: write it as YYYY-Q, for example 2026-3.")
                % {"value": kuartal[:20]}
            )
        year, q = int(m.group(1)), int(m.group(2))
        first = date(year, 3 * q - 2, 1)
        last = min(shift_day(first, 2), this_month) if first <= this_month else first
        params = {"kuartal": f"{year}-{q}"}
    elif dari or sampai:
        first = _month(dari) if dari else None
        last = _month(sampai) if sampai else this_month
        first = first or last
        params = {"dari": f"{first:%Y-%m}", "sampai": f"{last:%Y-%m}"}
    else:
        q = quarter_of(today)
        first, last = date(today.year, 3 * q - 2, 1), this_month
        params = {"kuartal": f"{today.year}-{q}"}
    if first > last:
        raise PeriodError(_("The first month of the period is after its last month."))
    if first > this_month:
        raise PeriodError(_("The period has not started yet: choose this month or earlier."))
    last = min(last, this_month)
    count = (last.year - first.year) * 12 + last.month - first.month + 1
    if count > MAX_MONTHS:
        raise PeriodError(
            _("The period is too long: choose at most %(n)s months.") % {"n": MAX_MONTHS}
        )
    return Period(first, last, params)


# --------------------------------------------------------------------------------------------
# Area


def chosen_region(request: HttpRequest) -> Region | None:
    """The area to report on; None when the user must first pick a kabupaten. 404 outside the
    user's area, for a user without a valid role, or for a code that is not a region."""
    user = request.user
    if not user.is_active or not user.has_valid_binding:
        raise Http404
    code = request.GET.get("wilayah", "").strip()
    if user.is_village_user:
        if code and code != user.region_id:
            raise Http404
        return user.region
    if not user.is_officer:
        raise Http404
    if not code:
        if user.role == Role.NATIONAL_ADMIN:
            return None
        region = user.region
    else:
        region = get_object_or_404(scoped_regions(user), code=code[:13])
    return region if region.level >= Level.REGENCY else None


def _query(**params: str) -> str:
    kept = {k: v for k, v in params.items() if v}
    return "?" + urlencode(kept) if kept else ""


def _fmt(value: float | None, places: int = 1) -> str:
    return "–" if value is None else id_decimal(round(value, places), places)


def expected_text(fig: quality.Figure) -> str:
    if fig.kind == "sd":
        rng = fig.detail["range"]
        text = _("%(low)s–%(high)s (approximate)") % {
            "low": id_decimal(rng.low, 2),
            "high": id_decimal(rng.high, 2),
        }
        return text
    if fig.code.startswith("digit_"):
        return _("%(total)s (%(each)s each for ,0 and ,5)") % {"total": "20%", "each": "10%"}
    if fig.code in ("standing_under_24", "lying_24_plus", "mat_mismatch"):
        return "0%"
    return ""


def figure_rows(report, period: Period, region: Region) -> list[dict]:
    groups = []
    for title, codes in GROUPS:
        items = []
        for code in codes:
            fig = report.figures[code]
            value = _fmt(fig.value, 2) if fig.kind == "sd" else _fmt(fig.value) + " %"
            if fig.value is None:
                value = "–"
            count = (
                _("n = %(n)s") % {"n": fig.denominator}
                if fig.kind == "sd"
                else f"{fig.numerator} / {fig.denominator}"
            )
            extra = ""
            if code.startswith("digit_") and fig.denominator:
                extra = _(",0: %(p0)s %% · ,5: %(p5)s %% · DPS %(dps)s (%(cls)s)") % {
                    "p0": _fmt(fig.detail["pct0"]),
                    "p5": _fmt(fig.detail["pct5"]),
                    "dps": _fmt(fig.detail["dps"]),
                    "cls": fig.detail["dps_class"],
                }
            elif fig.kind == "sd" and fig.detail["mean"] is not None:
                extra = _("mean %(mean)s") % {"mean": _fmt(fig.detail["mean"], 2)}
            items.append(
                {
                    "code": code,
                    "label": LABELS[code],
                    "value": value,
                    "count": count,
                    "expected": expected_text(fig),
                    "extra": extra,
                    "unusual": fig.unusual,
                    "side": fig.detail.get("side", ""),
                    # The report reads no ids: a figure has children behind it when it
                    # counts any (an SD: the values it uses; a %: its numerator).
                    "has_ids": bool(fig.denominator if fig.kind == "sd" else fig.numerator),
                    "url": reverse("quality_children")
                    + _query(figure=code, wilayah=region.code, **period.params),
                }
            )
        groups.append({"title": title, "items": items})
    return groups


def _base_context(request: HttpRequest, region: Region | None, period: Period | None) -> dict:
    ctx: dict = {"region": region, "period": period}
    if region is not None:
        own = request.user.region
        ctx["crumbs"] = [
            a
            for a in region.ancestors()
            if a.level >= Level.REGENCY and (own is None or own.contains(a.code))
        ]
    return ctx


@login_required
@require_safe  # read-only: a POST is 405, never a silent 200
def quality_report(request: HttpRequest) -> HttpResponse:
    region = chosen_region(request)
    today = clock.today()
    ctx = _base_context(request, region, None)
    ctx["today_month"] = f"{today:%Y-%m}"
    if region is None:
        # A province officer or the national administrator: pick a kabupaten first.
        ctx["choices"] = scoped_regions(request.user).filter(level=Level.REGENCY)[:600]
        return render(request, "posyandu/quality_report.html", ctx)
    q = quarter_of(today)
    prev_q_first = shift_day(date(today.year, 3 * q - 2, 1), -3)
    ctx["shortcuts"] = [
        (_("This month"), _query(wilayah=region.code, bulan=f"{today:%Y-%m}")),
        (_("This quarter"), _query(wilayah=region.code, kuartal=f"{today.year}-{q}")),
        (
            _("Last quarter"),
            _query(
                wilayah=region.code,
                kuartal=f"{prev_q_first.year}-{quarter_of(prev_q_first)}",
            ),
        ),
        (
            _("Last 12 months"),
            _query(
                wilayah=region.code,
                dari=f"{shift_day(today.replace(day=1), -11):%Y-%m}",
                sampai=f"{today:%Y-%m}",
            ),
        ),
    ]
    try:
        period = parse_period(request.GET, today)
    except PeriodError as exc:
        ctx["error"] = str(exc)
        return render(request, "posyandu/quality_report.html", ctx, status=400)
    report = quality_for_region(request.user, region.code, region.level, period.first, period.last)
    ctx.update(
        period=period,
        groups=figure_rows(report, period, region),
        cutoffs=report.cutoffs,
        measurements=report.measurements,
        sub_regions=(
            list(Region.objects.filter(parent_id=region.code).only("code", "name", "level"))
            if region.level < Level.VILLAGE
            else []
        ),
        period_query=_query(**period.params),
    )
    return render(request, "posyandu/quality_report.html", ctx)


def _detail_value(code: str, row: quality.Measurement, report) -> str:
    """What the drill-down shows of a measurement for this figure."""
    if code.startswith(("sd_", "flag_")):
        z = getattr(row, code.split("_", 1)[1])
        return "–" if z is None else id_decimal(z, 2)
    if code == "digit_weight":
        return f"{id_decimal(row.weight_kg, 1)} kg"
    if code == "digit_length":
        return f"{id_decimal(row.length_cm, 1)} cm"
    if code in ("standing_under_24", "lying_24_plus"):
        pos = _("standing") if row.measured_lying is False else _("lying")
        return _("%(months)s months, %(pos)s") % {"months": row.age_months, "pos": pos}
    if code == "mat_mismatch":
        exp = report.figures[code].detail["expected"][row.id]
        return _("read %(read)s, length gives %(exp)s (PB/U %(z)s)") % {
            "read": COLOUR_LABELS.get(row.growth_mat or "", row.growth_mat),
            "exp": COLOUR_LABELS[exp],
            "z": id_decimal(row.zlen, 2),
        }
    parts = []
    if row.weight_kg is not None:
        parts.append(f"{id_decimal(row.weight_kg, 1)} kg")
    if row.length_cm is not None:
        parts.append(f"{id_decimal(row.length_cm, 1)} cm")
    return " · ".join(parts) or "–"


@login_required
@require_safe  # read-only: a POST is 405, never a silent 200
def quality_children(request: HttpRequest) -> HttpResponse:
    """The children behind one figure, a page at a time, only those the user may see."""
    region = chosen_region(request)
    if region is None:
        raise Http404
    ctx = _base_context(request, region, None)
    code = request.GET.get("figure", "")
    if code not in quality.FIGURE_CODES:
        ctx["error"] = _("Unknown figure: choose one from the data-quality report.")
        return render(request, "posyandu/quality_children.html", ctx, status=400)
    try:
        period = parse_period(request.GET, clock.today())
    except PeriodError as exc:
        ctx["error"] = str(exc)
        return render(request, "posyandu/quality_children.html", ctx, status=400)
    report = quality_for_region(
        request.user, region.code, region.level, period.first, period.last, with_ids=True
    )
    fig = report.figures[code]
    if code == "not_weighed":
        entries = [
            (cid, None, ", ".join(month_name(m) for m in fig.detail["months"][cid]))
            for cid in fig.ids
        ]
    else:
        rows = [report.rows[i] for i in fig.ids]
        if fig.kind == "sd":
            mean = fig.detail["mean"] or 0.0
            ind = code.split("_", 1)[1]
            rows.sort(key=lambda r: -abs(getattr(r, ind) - mean))
        else:
            rows.sort(key=lambda r: (r.month, r.child_id), reverse=True)
        entries = [(r.child_id, r.month, _detail_value(code, r, report)) for r in rows]
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("hal"))
    names = child_names(request.user, list({cid for cid, _m, _v in page.object_list}))
    items = []
    for cid, month, value in page.object_list:
        if cid not in names:
            continue  # not visible to this user (scoped twice: never shown)
        name, posyandu, village = names[cid]
        items.append(
            {
                "name": name,
                "posyandu": posyandu,
                "village": village,
                "month": month_name(month) if month else "",
                "value": value,
                "url": reverse("target", args=[cid]),
            }
        )
    keep = {"figure": code, "wilayah": region.code, **period.params}
    ctx.update(
        period=period,
        figure=fig,
        label=LABELS[code],
        items=items,
        page=page,
        total=len(entries),
        back_url=reverse("quality_report") + _query(wilayah=region.code, **period.params),
        prev_url=_query(**keep, hal=str(page.previous_page_number()))
        if page.has_previous()
        else "",
        next_url=_query(**keep, hal=str(page.next_page_number())) if page.has_next() else "",
        show_village=region.level < Level.VILLAGE,
    )
    return render(request, "posyandu/quality_children.html", ctx)
