"""`/rembuk-wilayah/`: the officers' roll-up of the Rembuk Stunting Desa and the budget.

Officers (kecamatan, kabupaten/kota, province) and the national administrator only: a KPM or
Admin Desa gets a 404, as on the scorecard roll-up (`scorecard.views_area.officer_base`); their
own desa's figures are on their meeting and budget pages. `?wilayah=CODE` drills into a
sub-area of the user's area (outside it: 404); a desa code opens that desa's meeting page.
`?tahun=YYYY` picks the meeting year (2000 to this year; anything else: a message and this
year). `?tingkat=desa` lists every desa of a kabupaten/kota. `?format=xlsx` downloads the table.

Every figure comes from `meetings.rollup_queries` (grouped queries; see its docstring for the
definitions).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from io import BytesIO
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import get_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from tikar import clock
from tikar.converters import MIN_YEAR
from tikar.exports import protect_workbook
from tikar.meetings import rollup_queries as rq
from tikar.regions.models import Level, Region
from tikar.scorecard.views_area import LEVEL_PLURAL, area_name, chosen_area, crumbs, officer_base

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
YEARS_OFFERED = 8  # the year picker lists this year and the 7 before (any year by ?tahun=)


def chosen_year(raw: str | None, today: date) -> tuple[int, str]:
    """(year, error message or ""): an empty value is this year; a value that is not a year
    from 2000 to this year is refused with a message in the user's language (the page then
    shows this year). Meetings are recorded for this year or earlier (the planning cycle only
    runs forward from the meeting)."""
    if raw is None or raw.strip() == "":
        return today.year, ""
    text = raw.strip()
    if not text.isdigit() or len(text) > 4:
        return today.year, _("“%(value)s” is not a year. Showing %(year)s.") % {
            "value": text[:20],
            "year": today.year,
        }
    year = int(text)
    if year < MIN_YEAR or year > today.year:
        return today.year, _("Choose a year from %(first)s to %(last)s. Showing %(year)s.") % {
            "first": MIN_YEAR,
            "last": today.year,
            "year": today.year,
        }
    return year, ""


def short_rupiah(value: int, decimal: str = ",") -> str:
    """ "Rp 345,6 juta", "Rp 1,25 miliar", "Rp 750.000": short enough for a phone's cell.

    `decimal` is the language's decimal separator (`get_format("DECIMAL_SEPARATOR")`, read once
    per page: formatting through Django's number_format for every cell of 300 desa took a fifth
    of the page's time). Rupiah are grouped with dots in every language, as written in Indonesia.
    """
    if value >= 1_000_000_000:
        amount = f"{Decimal(value) / 1_000_000_000:.2f}".replace(".", decimal)
        return _("Rp %(amount)s billion") % {"amount": amount}
    if value >= 1_000_000:
        amount = f"{Decimal(value) / 1_000_000:.1f}".replace(".", decimal)
        return _("Rp %(amount)s million") % {"amount": amount}
    return full_rupiah(value)


def full_rupiah(value: int) -> str:
    return "Rp " + f"{int(value):,}".replace(",", ".")


def _query(**params: Any) -> str:
    from urllib.parse import urlencode

    kept = {k: v for k, v in params.items() if v}
    return "?" + urlencode(kept) if kept else ""


def _kind(region: Region) -> str:
    return "kelurahan" if region.village_kind == "kelurahan" else "desa"


# --------------------------------------------------------------------------------------------
# XLSX


def xlsx_header(plan_year: int, has_kelurahan: bool) -> list[str]:
    head = [
        _("Code"),
        _("Name"),
        _("Desa"),
        _("Kelurahan"),
        _("Rembuk held"),
        _("Held (percent)"),
        _("Date of the rembuk"),
        _("Proposals"),
        _("Estimated cost (Rp)"),
        _("Allocated in the APBDes %(year)s") % {"year": plan_year},
        _("Allocated in the APBDes (Rp)"),
        _("Share of the desa proposals' cost in the APBDes (percent)"),
    ]
    if has_kelurahan:
        head += [
            _("Allocated in the kelurahan budget"),
            _("Allocated in the kelurahan budget (Rp)"),
            _("Share of the kelurahan proposals' cost allocated (percent)"),
        ]
    head += [
        _("Realised"),
        _("Realised (Rp)"),
        _("Needing APBD (district) funds"),
        _("Needing APBD funds: estimated cost (Rp)"),
        _("Desa that entered Dana Desa %(year)s") % {"year": plan_year},
        _("Dana Desa for stunting (Rp)"),
        _("Dana Desa, both bidang (Rp)"),
        _("Dana Desa share for stunting (percent)"),
    ]
    return head


def xlsx_values(
    code: str, name: str, f: rq.Figures, held_on: date | None, has_kelurahan: bool
) -> list[Any]:
    values: list[Any] = [
        code,
        name,
        f.desa,
        f.kelurahan,
        f.held,
        f.held_percent,
        held_on,
        f.proposals,
        f.estimated_cost,
        f.allocated,
        f.allocated_amount,
        f.allocated_share,
    ]
    if has_kelurahan:
        values += [f.kel_allocated, f.kel_allocated_amount, f.kel_allocated_share]
    values += [
        f.realised,
        f.realised_amount,
        f.apbd,
        f.apbd_cost,
        f.dd_entered,
        f.dd_stunting,
        f.dd_total,
        f.dd_share,
    ]
    return ["-" if v is None and i >= 2 else v for i, v in enumerate(values)]


def rollup_xlsx(data: rq.MeetingRollup) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = _("Rembuk")
    ws.append([_("Rembuk Stunting Desa and the budget by area")])
    ws.cell(row=1, column=1).font = Font(bold=True, size=13)
    years = _("Rembuk %(year)s, APBDes and Dana Desa %(plan)s") % {
        "year": data.year,
        "plan": data.plan_year,
    }
    ws.append([f"{area_name(data.area)} · {years}"])
    ws.append([])
    ws.append(xlsx_header(data.plan_year, data.has_kelurahan))
    head_row = ws.max_row
    for cell in ws[head_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E6F2EE")
    for line in data.lines:
        ws.append(
            xlsx_values(
                line.region.code, line.region.full_name, line.figures, line.held_on,
                data.has_kelurahan,
            )
        )  # fmt: skip
    total = xlsx_values(
        data.area.code if data.area else "",
        _("Total") + " " + area_name(data.area),
        data.total,
        None,
        data.has_kelurahan,
    )
    ws.append(total)
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for row in ws.iter_rows(min_row=head_row + 1):
        for cell in row:
            if isinstance(cell.value, Decimal):
                cell.number_format = "0.00"
            elif isinstance(cell.value, int) and cell.column > 2:
                cell.number_format = "#,##0"
            elif isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
    ws.freeze_panes = ws.cell(row=head_row + 1, column=3)
    ws.column_dimensions["A"].width = 15
    ws.column_dimensions["B"].width = 34
    out = BytesIO()
    protect_workbook(wb)  # region names: never run as formulas
    wb.save(out)
    return out.getvalue()


# --------------------------------------------------------------------------------------------
# The page


def _cells(f: rq.Figures, decimal: str) -> dict[str, Any]:
    """Display strings of one line: short in the cell, exact in its title."""
    out: dict[str, Any] = {}
    for key, value in (
        ("cost", f.estimated_cost),
        ("allocated_amount", f.allocated_amount),
        ("kel_allocated_amount", f.kel_allocated_amount),
        ("realised_amount", f.realised_amount),
        ("apbd_cost", f.apbd_cost),
    ):
        out[key] = short_rupiah(value, decimal) if value else "Rp 0"
        out[key + "_full"] = full_rupiah(value) if value else "Rp 0"
    return out


@login_required
@require_safe
def meeting_rollup(request: HttpRequest) -> HttpResponse:
    today = clock.today()
    base = officer_base(request)  # 404 for village users
    area = chosen_area(request, base)  # 404 outside the user's area
    year, year_error = chosen_year(request.GET.get("tahun"), today)
    if area is not None and area.level == Level.VILLAGE:
        return redirect(reverse("meeting", args=[year]) + _query(desa=area.code))
    area_level = area.level if area else 0
    all_desa = request.GET.get("tingkat") == "desa" and area_level == Level.REGENCY
    level = Level.VILLAGE if all_desa else area_level + 1
    data = rq.meeting_rollup(request.user, area, year, level, today)
    wilayah = area.code if area and area != base else ""
    tahun = str(year) if year != today.year else ""
    tingkat = "desa" if all_desa else ""
    fmt = request.GET.get("format", "")
    if fmt == "xlsx":
        stem = f"rembuk-{area.code if area else 'nasional'}-{year}"
        response = HttpResponse(rollup_xlsx(data), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{stem}.xlsx"'
        return response
    if fmt:
        raise Http404
    decimal = str(get_format("DECIMAL_SEPARATOR"))
    rows = []
    for line in data.lines:
        r = line.region
        if level == Level.VILLAGE:
            url = reverse("meeting", args=[year]) + _query(desa=r.code)
        else:
            url = reverse("meeting_rollup") + _query(wilayah=r.code, tahun=tahun)
        rows.append(
            {
                "region": r,
                "f": line.figures,
                "c": _cells(line.figures, decimal),
                "held_on": line.held_on,
                "kind": _kind(r) if level == Level.VILLAGE else "",
                "url": url,
            }
        )
    years = list(range(today.year, max(MIN_YEAR, today.year - YEARS_OFFERED + 1) - 1, -1))
    if year not in years:
        years.append(year)
    total = data.total
    ctx = {
        "area": area,
        "area_name": area_name(area),
        "crumbs": crumbs(request.user, area),
        "year": year,
        "plan_year": data.plan_year,
        "years": years,
        "year_error": year_error,
        "today": today,
        "rows": rows,
        "total": total,
        "total_cells": _cells(total, decimal),
        "level": level,
        "level_label": LEVEL_PLURAL[level],
        "is_desa_level": level == Level.VILLAGE,
        "has_kelurahan": data.has_kelurahan,
        "wilayah": wilayah,
        "tingkat": tingkat,
        "can_list_desa": area_level == Level.REGENCY,
        "toggle_query": _query(wilayah=wilayah, tahun=tahun, tingkat="" if all_desa else "desa"),
        "xlsx_query": _query(wilayah=wilayah, tahun=tahun, tingkat=tingkat, format="xlsx"),
        "tahun": tahun,
    }
    return render(request, "meetings/rollup.html", ctx)
