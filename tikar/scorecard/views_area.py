"""The officers' roll-up (villages or sub-areas compared) and the lokus ranking.

Only officers (kecamatan, kabupaten/kota, province) and the national administrator open these
pages; a KPM or Admin Desa gets a 404, like every other page outside a user's role, so the
page does not even confirm that an area view exists for them. `?wilayah=CODE` drills into a
sub-area; a code outside the user's area is a 404 as well (scoped_regions).

Every number comes from `tikar.scorecard.rollup` (grouped aggregates over the stored per-desa
totals). Nothing is recomputed in the view: `rollup.request_area_refresh` marks the stale
quarters and enqueues the worker, and the page says how many desa wait ("Sedang diperbarui").
"""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tikar.accounts.models import Role
from tikar.accounts.scope import scoped_regions
from tikar.calendar import month_name
from tikar.exports import CSV_CONTENT_TYPE, excel_csv, protect_workbook
from tikar.regions.models import Level, Region
from tikar.scorecard import export_jobs, lokus, rollup
from tikar.scorecard.charts import Series, line_chart
from tikar.scorecard.models import ROMAN
from tikar.scorecard.refresh import current_quarter
from tikar.scorecard.report import provisional_info
from tikar.scorecard.rules import CHILD, PAUD, PREGNANCY
from tikar.scorecard.views import XLSX, quarter_choices, quarter_label, quarter_or_404

CSV = CSV_CONTENT_TYPE


# --------------------------------------------------------------------------------------------
# Whose area


def officer_base(request: HttpRequest) -> Region | None:
    """The user's own area (None: the whole country); 404 for anyone who is not an officer."""
    user = request.user
    if not user.is_officer or not user.has_valid_binding or not user.is_active:
        raise Http404
    return None if user.role == Role.NATIONAL_ADMIN else user.region


def chosen_area(request: HttpRequest, base: Region | None) -> Region | None:
    code = request.GET.get("wilayah", "")
    if not code:
        return base
    return get_object_or_404(scoped_regions(request.user), code=code)


def crumbs(user, area: Region | None) -> list[Region]:
    """The area's ancestors the user may open (their own area and below), top first."""
    if area is None:
        return []
    own = user.region
    return [a for a in area.ancestors() if own is None or own.contains(a.code)]


def _query(**params: Any) -> str:
    kept = {k: v for k, v in params.items() if v}
    return "?" + urlencode(kept) if kept else ""


def area_name(area: Region | None) -> str:
    return area.full_name if area else _("Indonesia")


LEVEL_PLURAL = {
    Level.PROVINCE: gettext_lazy("Provinces"),
    Level.REGENCY: gettext_lazy("Kabupaten/kota"),
    Level.DISTRICT: gettext_lazy("Kecamatan"),
    Level.VILLAGE: gettext_lazy("Desa/kelurahan"),
}


# --------------------------------------------------------------------------------------------
# Columns


def coverage_label(col: rollup.CoverageColumn) -> str:
    if col.group == PAUD:
        return _("PAUD")
    if col.group == PREGNANCY:
        return _("Preg. %(number)s") % {"number": col.number}
    return _("Child %(number)s") % {"number": col.number}


def group_title(group: str) -> str:
    return {
        PREGNANCY: _("Pregnant women"),
        CHILD: _("Children 0-23 months"),
        PAUD: _("Children 2-6 years (PAUD)"),
    }[group]


def key_columns() -> list[tuple[str, str]]:
    """The columns a phone shows first (before the indicators), as (sort key, label)."""
    return [
        ("pregnancies", _("Pregnant women")),
        ("children", _("Children 0-23 mo.")),
        ("convergence", _("Convergence %")),
        ("stunting", _("Stunting %")),
        ("reporting", _("Reported this month")),
    ]


def _dec(value: Decimal | float | None, places: int = 2) -> Decimal | str:
    if value is None:
        return "-"
    return Decimal(value).quantize(Decimal(1).scaleb(-places))


def export_header() -> list[tuple[str, str]]:
    """(CSV key, XLSX heading) for every exported column, in order."""
    head = [
        ("code", _("Code")),
        ("name", _("Name")),
        ("pregnancies", _("Pregnant women")),
        ("children", _("Children 0-23 months")),
        ("paud_targets", _("Children 2-6 years (PAUD)")),
        ("received", _("Received (Y)")),
        ("expected", _("Expected")),
        ("convergence", _("Convergence %")),
        ("stunted", _("Stunted children")),
        ("measured", _("Children measured")),
        ("stunting", _("Stunting %")),
        ("ci_low", _("95% CI low")),
        ("ci_high", _("95% CI high")),
        ("desa_recorded", _("Desa that recorded")),
        ("desa_total", _("All desa")),
        ("reporting", _("Reporting %")),
    ]
    head += [(c.key, coverage_label(c)) for c in rollup.COVERAGE_COLUMNS]
    # "Sementara: kuartal berjalan, dihitung sampai ..." or "Final": a line read on its own
    # must still say whether the quarter was over.
    head.append(("period", _("Quarter status")))
    return head


def export_values(row: dict[str, Any], missing: Any = "-") -> list[Any]:
    """The row's exported values; ``missing`` stands for a number that has no value."""
    out: list[Any] = []
    for key, _label in export_header():
        value = row[key]
        if value is None and key not in ("code", "name", "period"):
            value = missing
        elif key in ("stunting", "ci_low", "ci_high"):
            value = _dec(value, 1)
        elif isinstance(value, Decimal):
            value = _dec(value)
        out.append(value)
    return out


def rollup_csv(data: rollup.Rollup, rows: list[dict]) -> str:
    """For Excel set to Indonesian (tikar.exports.excel_csv): the XLSX's Indonesian headings,
    ';' separator, decimal comma, an empty cell for no value; the area's total is the last
    line (code = the area's code, empty for the country)."""
    body = [export_values(row, missing=None) for row in [*rows, data.total]]
    return excel_csv([label for _k, label in export_header()], body)


def _sheet(
    title: str, lines: list[str], header: list[str], body: list[list[Any]], pct_from: int
) -> bytes:
    """One worksheet: title lines, a bold header, the rows; Decimal cells shown as 0.00."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = title[:31]
    for i, line in enumerate(lines):
        ws.append([line])
        ws.cell(row=ws.max_row, column=1).font = Font(bold=i == 0, size=13 if i == 0 else 11)
    ws.append([])
    ws.append(header)
    head_row = ws.max_row
    for cell in ws[head_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E6F2EE")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for values in body:
        ws.append(values)
        for col, value in enumerate(values, start=1):
            if isinstance(value, Decimal) and col >= pct_from:
                ws.cell(row=ws.max_row, column=col).number_format = (
                    "0.0" if value.as_tuple().exponent == -1 else "0.00"
                )
    ws.freeze_panes = ws.cell(row=head_row + 1, column=3)
    ws.column_dimensions["A"].width = 15
    ws.column_dimensions["B"].width = 34
    out = BytesIO()
    protect_workbook(wb)  # area and desa names are typed by people: never run as formulas
    wb.save(out)
    return out.getvalue()


def rollup_xlsx(data: rollup.Rollup, rows: list[dict]) -> bytes:
    lines = [
        _("Convergence and stunting by area"),
        f"{area_name(data.area)} · {quarter_label(data.year, data.quarter)}",
        _("Reporting month: %(month)s") % {"month": month_name(data.month)},
    ]
    if data.provisional.get("provisional"):
        lines.insert(2, data.provisional["note"])
    body = [export_values(r) for r in rows]
    total = export_values(data.total)
    total[1] = _("Total") + (f" {area_name(data.area)}")
    body.append(total)
    return _sheet(_("Roll-up"), lines, [label for _k, label in export_header()], body, 3)


def _attachment(content: bytes | str, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# --------------------------------------------------------------------------------------------
# Trend charts


def trend_charts(points: list[dict]) -> list[str]:
    labels = [p["label"] for p in points]
    convergence = line_chart(
        labels,
        [
            Series(
                _("Convergence"),
                [None if p["convergence"] is None else float(p["convergence"]) for p in points],
            )
        ],
        title=_("Tingkat konvergensi (%)"),
        y_max=100,
        empty_text=_("No data yet"),
    )
    stunting = line_chart(
        labels,
        [
            Series(
                _("Stunting, with 95% CI"),
                [p["stunting"] for p in points],
                colour="#b3261e",
                low=[p["ci_low"] for p in points],
                high=[p["ci_high"] for p in points],
            )
        ],
        title=_("Stunting prevalence, children 0-23 months (%)"),
        empty_text=_("No measurements yet"),
    )
    return [mark_safe(convergence), mark_safe(stunting)]  # noqa: S308 - escaped in charts.py


# --------------------------------------------------------------------------------------------
# "Sedang diperbarui": the worker has not finished yet


def poll_url(request: HttpRequest) -> str:
    """The page's own address with ?pending=1: what the note's htmx poll asks."""
    query = request.GET.copy()
    query["pending"] = "1"
    return f"{request.path}?{query.urlencode()}"


def pending_response(request: HttpRequest, pending: int) -> HttpResponse:
    """The answer to the note's poll: the note again while desa still wait, else an empty
    answer with `HX-Refresh`, so htmx reloads the page with the new figures.

    Only counts DirtyQuarter rows: polling never recomputes nor enqueues.
    """
    if pending:
        return render(
            request,
            "scorecard/_pending.html",
            {"pending": pending, "poll_url": poll_url(request)},
        )
    response = HttpResponse("")
    response["HX-Refresh"] = "true"
    return response


# --------------------------------------------------------------------------------------------
# The roll-up page


@login_required
def rollup_view(request: HttpRequest, year: int, quarter: int) -> HttpResponse:
    year, quarter = quarter_or_404(year, quarter)
    user = request.user
    base = officer_base(request)
    area = chosen_area(request, base)
    if area is not None and area.level == Level.VILLAGE:
        return redirect(reverse("scorecard", args=[year, quarter]) + _query(desa=area.code))
    area_level = area.level if area else 0
    all_desa = request.GET.get("tingkat") == "desa" and area_level == Level.REGENCY
    level = Level.VILLAGE if all_desa else area_level + 1
    quarters = rollup.last_quarters(year, quarter, rollup.TREND_QUARTERS)
    if request.GET.get("pending"):
        return pending_response(request, rollup.pending_villages(area, quarters))
    # Never recomputed here: stale quarters go to the worker, the page shows stored totals.
    pending = rollup.request_area_refresh(area, quarters)
    data = rollup.rollup(user, area, year, quarter, level)
    rows, sort = rollup.sort_rows(data.rows, request.GET.get("sort", "code"))
    wilayah = area.code if area and area != base else ""
    tingkat = "desa" if all_desa else ""
    fmt = request.GET.get("format", "")
    stem = f"rekap-{area.code if area else 'nasional'}-{year}-K{quarter}"
    if fmt in ("csv", "xlsx") and len(rows) > settings.TIKAR_EXPORT_JOB_ROWS:
        # Many rows: the worker prepares the file, the officer watches its progress (tikar.jobs).
        return export_jobs.queue_rollup_export(
            request, area, year, quarter, level, fmt, f"{stem}.{fmt}", len(rows)
        )
    if fmt == "csv":
        return _attachment(rollup_csv(data, rows), CSV, stem + ".csv")
    if fmt == "xlsx":
        return _attachment(rollup_xlsx(data, rows), XLSX, stem + ".xlsx")
    if fmt:
        raise Http404

    def header(key: str, label: str, title: str = "", css: str = "") -> dict:
        current = sort.lstrip("-") == key
        descending = sort.startswith("-")
        target = f"-{key}" if current and not descending else key
        return {
            "label": label,
            "title": title,
            "css": css,
            "url": _query(wilayah=wilayah, tingkat=tingkat, sort=target),
            "aria": ("descending" if descending else "ascending") if current else "",
        }

    headers = [header(k, label, css="num key") for k, label in key_columns()]
    headers += [
        header(c.key, coverage_label(c), f"{group_title(c.group)} {c.number}: {c.text}", "num ind")
        for c in rollup.COVERAGE_COLUMNS
    ]
    points = rollup.trend(user, area, year, quarter)
    for row in rows:
        if level == Level.VILLAGE:
            row["url"] = reverse("scorecard", args=[year, quarter]) + _query(desa=row["code"])
        else:
            row["url"] = reverse("rollup", args=[year, quarter]) + _query(wilayah=row["code"])
    keep = _query(wilayah=wilayah, tingkat=tingkat, sort=sort if sort != "code" else "")
    ctx = {
        "area": area,
        "area_name": area_name(area),
        "crumbs": crumbs(user, area),
        "year": year,
        "quarter": quarter,
        "label": quarter_label(year, quarter),
        "quarters": quarter_choices(year, quarter),
        "desa_query": _query(wilayah=wilayah, tingkat=tingkat),
        "data": data,
        "rows": rows,
        "total": data.total,
        "headers": headers,
        "name_header": header("name", LEVEL_PLURAL[level]),
        "level": level,
        "level_label": LEVEL_PLURAL[level],
        "is_desa_level": level == Level.VILLAGE,
        "month": month_name(data.month),
        "can_list_desa": area_level == Level.REGENCY,
        "all_desa": all_desa,
        "toggle_url": _query(wilayah=wilayah, tingkat="" if all_desa else "desa"),
        "export_query": (keep + "&" if keep else "?"),
        "charts": trend_charts(points),
        "points": points,
        "columns": [
            {"label": coverage_label(c), "group": group_title(c.group), "text": c.text}
            for c in rollup.COVERAGE_COLUMNS
        ],
        "provisional": data.provisional,
        "pending": pending,
        "poll_url": poll_url(request),
        "lokus_query": _query(wilayah=wilayah) if area_level >= Level.REGENCY else "",
        "lokus_available": area_level in (Level.REGENCY, Level.DISTRICT),
    }
    return render(request, "scorecard/rollup.html", ctx)


# --------------------------------------------------------------------------------------------
# Lokus


def criterion_labels() -> dict[str, str]:
    return {
        "stunting_prevalence": _("Stunting prevalence (%)"),
        "stunted_children": _("Stunted children"),
        "convergence_gap": _("Convergence gap (100 − %)"),
        "targets": _("Targets"),
        "reporting_gap": _("Reporting gap"),
    }


def formula_text(weights: dict[str, Decimal]) -> str:
    labels = criterion_labels()
    total = sum(weights.values())
    parts = " + ".join(f"{weights[k]:g} × {labels[k]}" for k in lokus.CRITERIA)
    return _("Score = (%(parts)s) / %(total)s") % {"parts": parts, "total": f"{total:g}"}


def lokus_candidates(user, area: Region, year: int, quarter: int) -> list[lokus.Candidate]:
    data = rollup.rollup(user, area, year, quarter, Level.VILLAGE)
    months = rollup.elapsed_months(year, quarter)
    recorded = rollup.months_recorded_totals(user, area, year, quarter, months)
    return [
        lokus.Candidate(
            code=r["code"],
            name=r["name"],
            stunted=r["stunted"],
            measured=r["measured"],
            convergence=r["convergence"],
            targets=r["pregnancies"] + r["children"],
            months_recorded=recorded.get(r["code"], 0),
            months=len(months),
        )
        for r in data.rows
    ]


def lokus_xlsx(
    area: Region,
    year: int,
    quarter: int,
    ranked: list[lokus.Ranked],
    weights: dict[str, Decimal],
    districts: dict[str, str],
    provisional: dict[str, Any] | None = None,
) -> bytes:
    labels = criterion_labels()
    lines = [
        _("Candidate priority villages (lokus)"),
        f"{area.full_name} · {quarter_label(year, quarter)}",
        formula_text(weights),
        _("Each criterion is on a 0-100 scale; the scaled value is what the formula uses."),
    ]
    if provisional and provisional.get("provisional"):
        lines.insert(2, provisional["note"])
    header = [_("Code"), _("Desa"), _("Kecamatan"), _("Rank"), _("Score")]
    header += [
        _("Stunted children"),
        _("Children measured"),
        labels["stunting_prevalence"],
        _("Stunted children (0-100)"),
        _("Convergence %"),
        labels["convergence_gap"],
        _("Targets"),
        _("Targets (0-100)"),
        _("Months recorded"),
        _("Months so far"),
        _("Reporting gap (100 − %)"),
    ]
    body = []
    for r in ranked:
        c, v = r.candidate, r.values
        body.append(
            [
                c.code,
                c.name,
                districts.get(c.code[:8], ""),
                r.rank,
                r.score,
                c.stunted,
                c.measured,
                v["stunting_prevalence"],
                v["stunted_children"],
                c.convergence if c.convergence is not None else "-",
                v["convergence_gap"],
                c.targets,
                v["targets"],
                c.months_recorded,
                c.months,
                v["reporting_gap"],
            ]
        )
    return _sheet(_("Lokus"), lines, header, body, 5)


@login_required
def lokus_view(request: HttpRequest, year: int, quarter: int) -> HttpResponse:
    year, quarter = quarter_or_404(year, quarter)
    user = request.user
    base = officer_base(request)
    area = chosen_area(request, base)
    if area is not None and area.level == Level.VILLAGE:
        raise Http404
    ctx: dict[str, Any] = {
        "year": year,
        "quarter": quarter,
        "label": quarter_label(year, quarter),
        "quarters": quarter_choices(year, quarter),
        "area": area,
        "area_name": area_name(area),
        "crumbs": crumbs(user, area),
        # The ranking of a running quarter uses provisional figures: said on the page and file.
        "provisional": provisional_info(year, quarter),
    }
    if area is None or area.level < Level.REGENCY:
        # A province or the country: first choose the kabupaten/kota to rank.
        ctx["regencies"] = rollup.sub_regions(user, area, Level.REGENCY).order_by("code")
        ctx["desa_query"] = _query(wilayah=area.code if area and area != base else "")
        return render(request, "scorecard/lokus_pick.html", ctx)
    if request.GET.get("pending"):
        return pending_response(request, rollup.pending_villages(area, [(year, quarter)]))
    ctx["pending"] = rollup.request_area_refresh(area, [(year, quarter)])
    ctx["poll_url"] = poll_url(request)
    weights = lokus.configured_weights()
    ranked = lokus.rank(lokus_candidates(user, area, year, quarter), weights)
    districts = dict(
        scoped_regions(user)
        .filter(level=Level.DISTRICT, code__startswith=area.code[:5] + ".")
        .values_list("code", "name")
    )
    if request.GET.get("format") == "xlsx":
        return _attachment(
            lokus_xlsx(area, year, quarter, ranked, weights, districts, ctx["provisional"]),
            XLSX,
            f"lokus-{area.code}-{year}-K{quarter}.xlsx",
        )
    if request.GET.get("format"):
        raise Http404
    wilayah = area.code if area != base else ""
    labels = criterion_labels()
    ctx |= {
        "ranked": ranked,
        "items": [(r, districts.get(r.candidate.code[:8], "")) for r in ranked],
        "show_district": area.level == Level.REGENCY,
        "weights": [{"key": k, "label": labels[k], "weight": weights[k]} for k in lokus.CRITERIA],
        "formula": formula_text(weights),
        "desa_query": _query(wilayah=wilayah),
        "export_query": _query(wilayah=wilayah, format="xlsx"),
        "rollup_query": _query(wilayah=wilayah),
        "roman": ROMAN[quarter],
    }
    return render(request, "scorecard/lokus.html", ctx)


@login_required
def this_quarter(request: HttpRequest, name: str) -> HttpResponse:
    """Redirect to the current quarter's roll-up or lokus page, keeping ?wilayah=."""
    officer_base(request)
    year, quarter = current_quarter()
    query = request.GET.urlencode()
    return redirect(reverse(name, args=[year, quarter]) + (f"?{query}" if query else ""))
