"""SKDN and the posyandu's monthly report (F1 Gizi): `/skdn/` and `/skdn/xlsx`.

Who sees what (tikar.accounts.scope): a KPM or Admin Desa sees their own desa (`?posyandu=ID`
narrows it to one posyandu of the desa); an officer sees their area, `?wilayah=CODE` for an
area below it and `?desa=CODE` for one desa; a code outside the user's area is a 404, never a
fallback. `?bulan=YYYY-MM` chooses the month (default: this month); a malformed or future
month shows a message in Bahasa Indonesia and this month. The rows are the level below the
area: posyandu of a desa, desa of a kecamatan, kecamatan of a kabupaten, kabupaten of a
province. Every figure comes from `skdn_queries.skdn_for_region`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from tikar import clock
from tikar.accounts.models import Role
from tikar.accounts.scope import scoped_regions
from tikar.calendar import PeriodError, month_name
from tikar.calendar import parse_month as parse_month_query
from tikar.exports import protect_workbook
from tikar.households.views import village_for
from tikar.posyandu import skdn
from tikar.posyandu.skdn_queries import skdn_for_region
from tikar.regions.models import Level, Posyandu, Region

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
AREA_CODE = re.compile(r"\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?")


def parse_month(value: str, today: date, *, showing: bool = True) -> tuple[date, str]:
    """`?bulan=YYYY-MM` as the 1st of that month, and a message ("" when fine).

    Empty: this month. Malformed, before 2000 or in the future: this month and a message that
    says this month is shown; `showing=False` (a download refused with a 400, where nothing is
    shown) leaves that clause out.
    """
    this_month = today.replace(day=1)
    try:
        month = parse_month_query(value, latest=this_month)
    except PeriodError as exc:
        if exc.code == "future":
            asked = month_name(parse_month_query(value))
            if not showing:
                return this_month, _("%(month)s has not come yet.") % {"month": asked}
            return this_month, _("%(month)s has not come yet: showing %(current)s.") % {
                "month": asked,
                "current": month_name(this_month),
            }
        if not showing:
            return this_month, _(
                "“%(value)s” is not a month in the form YYYY-MM (for example %(example)s)."
            ) % {"value": value[:20], "example": f"{this_month:%Y-%m}"}
        return this_month, _(
            "“%(value)s” is not a month in the form YYYY-MM (for example %(example)s): "
            "showing %(month)s."
        ) % {
            "value": value[:20],
            "example": f"{this_month:%Y-%m}",
            "month": month_name(this_month),
        }
    if month is None:
        return this_month, ""
    return month, ""


@dataclass
class Scope:
    """What a request is about: an area (None = the whole country), maybe one posyandu."""

    area: Region | None
    posyandu: Posyandu | None
    params: dict[str, str]  # the query parameters that name it (for links)


def resolve_scope(request: HttpRequest) -> Scope:
    """The area and posyandu of the request, checked against the user's area (else 404)."""
    user = request.user
    if not user.is_active or not user.has_valid_binding:
        raise Http404
    params: dict[str, str] = {}
    if user.role in (Role.KPM, Role.VILLAGE_ADMIN):
        area = village_for(request)  # 404 for another desa's ?desa=
        wilayah = request.GET.get("wilayah", "")
        if wilayah and wilayah != area.code:
            raise Http404
    elif not user.is_officer:
        raise Http404
    elif request.GET.get("desa"):
        area = village_for(request)
        params["desa"] = area.code
    elif request.GET.get("wilayah"):
        code = request.GET["wilayah"]
        if not AREA_CODE.fullmatch(code):
            raise Http404
        area = scoped_regions(user).filter(code=code).first()
        if area is None:
            raise Http404
        params["wilayah"] = area.code
    else:
        area = user.region  # None for the national administrator
    posyandu = None
    raw = request.GET.get("posyandu", "")
    if raw:
        if area is None or area.level != Level.VILLAGE or not raw.isdigit() or len(raw) > 18:
            raise Http404
        posyandu = Posyandu.objects.filter(pk=int(raw), village=area).first()
        if posyandu is None:
            raise Http404
        params["posyandu"] = str(posyandu.pk)
    return Scope(area, posyandu, params)


def _query(**params: str) -> str:
    kept = {k: v for k, v in params.items() if v}
    return "?" + urlencode(kept) if kept else ""


@dataclass
class Row:
    label: str
    code: str
    counts: skdn.Counts
    url: str


def _rows(result, area: Region, month_param: str, user) -> list[Row]:
    """One row per unit of the level below the area (zero rows included)."""
    if area.level == Level.VILLAGE:
        names = {p.pk: p.name for p in Posyandu.objects.filter(village=area)}
        desa = "" if user.role in (Role.KPM, Role.VILLAGE_ADMIN) else area.code
        rows = []
        for pk, name in sorted(names.items(), key=lambda kv: kv[1]):
            report = result.by_posyandu.get((area.code, pk), skdn.Skdn())
            url = _query(desa=desa, posyandu=str(pk), bulan=month_param)
            rows.append(Row(name, "", report.total, url))
        if (area.code, None) in result.by_posyandu:
            rows.append(
                Row(_("No posyandu recorded"), "", result.by_posyandu[(area.code, None)].total, "")
            )
        return rows
    below = Region.objects.filter(parent=area).order_by("code").values_list("code", "name")
    by_code = (
        result.by_village if area.level == Level.DISTRICT else result.by_prefix(area.level + 1)
    )
    rows = []
    for code, name in below:
        report = by_code.get(code, skdn.Skdn())
        param = {"desa": code} if area.level == Level.DISTRICT else {"wilayah": code}
        rows.append(Row(name, code, report.total, _query(**param, bulan=month_param)))
    return rows


def _context(request: HttpRequest) -> dict:
    scope = resolve_scope(request)
    today = clock.today()
    month, message = parse_month(request.GET.get("bulan", ""), today)
    month_param = f"{month:%Y-%m}"
    ctx = {
        "scope": scope,
        "month": month,
        "month_text": month_name(month),
        "month_param": month_param,
        "today_month": f"{today:%Y-%m}",
        "message": message,
        "keep": scope.params,
    }
    if scope.area is None:
        # The whole country: choose a province first (one query per page, not 83,000 desa).
        ctx["provinces"] = Region.objects.filter(level=Level.PROVINCE).order_by("code")
        return ctx
    result = skdn_for_region(scope.area.code, month, scope.posyandu.pk if scope.posyandu else None)
    report = result.total
    ctx.update(
        result=result,
        report=report,
        total=report.total,
        total_ds=_pct(report.total.d_s),
        total_nd=_pct(report.total.n_d),
        table=f1_table(report),
        rows=[] if scope.posyandu else _rows(result, scope.area, month_param, request.user),
        row_level=_row_level(scope.area),
        title=scope.posyandu.name if scope.posyandu else scope.area.full_name,
        xlsx_query=_query(**scope.params, bulan=month_param),
        crumbs=_crumbs(request.user, scope.area, month_param),
    )
    return ctx


def _row_level(area: Region) -> str:
    return {
        Level.VILLAGE: _("Posyandu"),
        Level.DISTRICT: _("Desa/kelurahan"),
        Level.REGENCY: _("Kecamatan"),
        Level.PROVINCE: _("Kabupaten/kota"),
    }[area.level]


def _crumbs(user, area: Region, month_param: str) -> list[tuple[str, str]]:
    if user.role in (Role.KPM, Role.VILLAGE_ADMIN):
        return []
    own = user.region
    out = []
    for a in area.ancestors():
        if own is None or own.contains(a.code):
            out.append((a.name, _query(wilayah=a.code, bulan=month_param)))
    return out


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f}%".replace(".", ",")


def f1_table(report: skdn.Skdn) -> dict:
    """The F1 Gizi layout: one row per figure, columns band × sex, then L, P and total."""
    cols: list[skdn.Counts] = []
    for i in range(len(skdn.BANDS)):
        cols.extend(report.cells[(i, s)] for s in skdn.SEXES)
    cols.extend([report.sex("L"), report.sex("P"), report.total])
    rows = [(label, [getattr(c, f) for c in cols]) for f, label in skdn.COUNT_LABELS.items()]
    rows.append(("D/S", [_pct(c.d_s) for c in cols]))
    rows.append(("N/D", [_pct(c.n_d) for c in cols]))
    return {"bands": skdn.BAND_LABELS, "rows": rows}


def bad_month(request: HttpRequest, message: str) -> HttpResponse:
    """400 for a download asked for a month that is not one: the message says what to fix."""
    back = (
        request.path.replace("xlsx", "").rstrip("/") + "/" if "xlsx" in request.path else "/skdn/"
    )
    return render(
        request, "posyandu/bad_request.html", {"message": message, "back": back}, status=400
    )


@login_required
@require_safe  # read-only: a POST is 405, never a silent 200
def skdn_page(request: HttpRequest) -> HttpResponse:
    return render(request, "posyandu/skdn_report.html", _context(request))


@login_required
@require_safe  # read-only: a POST is 405, never a silent 200
def skdn_xlsx(request: HttpRequest) -> HttpResponse:
    ctx = _context(request)
    if ctx["scope"].area is None:
        raise Http404
    if ctx["message"]:
        # A file of another month than the one asked for would be taken for it: refuse, and
        # say so without the page's "showing <this month>" (nothing is shown).
        _month, message = parse_month(request.GET.get("bulan", ""), clock.today(), showing=False)
        return bad_month(request, message)
    content = skdn_workbook(ctx)
    code = ctx["scope"].area.code.replace(".", "")
    extra = f"-posyandu{ctx['scope'].posyandu.pk}" if ctx["scope"].posyandu else ""
    response = HttpResponse(content, content_type=XLSX)
    name = f"skdn-{code}{extra}-{ctx['month_param']}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


HEADER_FILL = PatternFill("solid", fgColor="D9EAD3")
BOLD = Font(bold=True)


def skdn_workbook(ctx: dict) -> bytes:
    """The F1 Gizi sheet (bands × sex) and a sheet of the rows of the level below."""
    wb = Workbook()
    ws = wb.active
    ws.title = "F1 Gizi"
    scope = ctx["scope"]
    ws["A1"] = "LAPORAN BULANAN POSYANDU (F1 GIZI): SKDN"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = f"Wilayah: {scope.area.full_name} ({scope.area.code})"
    ws["A3"] = f"Posyandu: {scope.posyandu.name}" if scope.posyandu else "Posyandu: semua"
    ws["A4"] = f"Bulan: {ctx['month_text']}"
    ws.cell(6, 1, "Uraian")
    col = 2
    for band in skdn.BAND_LABELS:
        ws.cell(6, col, band)
        ws.merge_cells(start_row=6, start_column=col, end_row=6, end_column=col + 1)
        ws.cell(7, col, "L")
        ws.cell(7, col + 1, "P")
        col += 2
    ws.cell(6, col, "Jumlah")
    ws.merge_cells(start_row=6, start_column=col, end_row=6, end_column=col + 2)
    ws.cell(7, col, "L")
    ws.cell(7, col + 1, "P")
    ws.cell(7, col + 2, "L+P")
    for r in (6, 7):
        for c in range(1, col + 3):
            cell = ws.cell(r, c)
            cell.font, cell.fill = BOLD, HEADER_FILL
            cell.alignment = Alignment(horizontal="center")
    report: skdn.Skdn = ctx["report"]
    cols: list[skdn.Counts] = []
    for i in range(len(skdn.BANDS)):
        cols.extend(report.cells[(i, s)] for s in skdn.SEXES)
    cols.extend([report.sex("L"), report.sex("P"), report.total])
    row = 8
    for f, label in skdn.COUNT_LABELS.items():
        ws.cell(row, 1, label)
        for j, c in enumerate(cols):
            ws.cell(row, 2 + j, getattr(c, f))
        row += 1
    for label, attr in (("D/S (%)", "d_s"), ("N/D (%)", "n_d")):
        ws.cell(row, 1, label)
        for j, c in enumerate(cols):
            value = getattr(c, attr)
            cell = ws.cell(row, 2 + j, None if value is None else round(value * 100, 1))
            cell.number_format = "0.0"
        row += 1
    ws.cell(
        row + 1,
        1,
        "D = N + T + O + B. K tidak ditimbang: anak dengan buku KIA yang tidak ditimbang bulan ini.",
    )
    ws.column_dimensions["A"].width = 32
    for j in range(2, col + 3):
        ws.column_dimensions[get_column_letter(j)].width = 8
    if ctx["rows"]:
        # A sheet title may not hold / \\ ? * [ ] : and has at most 31 characters; the level
        # names do ("desa/kelurahan", "kabupaten/kota").
        title = re.sub(r"[\\/?*\[\]:]", "-", "Per " + ctx["row_level"])[:31]
        sheet = wb.create_sheet(title)
        header = [ctx["row_level"], "Kode", "S", "K", "D", "N", "T", "O", "B", "BGM", "2T",
                  "K tidak ditimbang", "D/S (%)", "N/D (%)"]  # fmt: skip
        sheet.append(header)
        for cell in sheet[1]:
            cell.font, cell.fill = BOLD, HEADER_FILL
        for r in ctx["rows"]:
            c = r.counts
            sheet.append(
                [r.label, r.code, c.s, c.k, c.d, c.n, c.t, c.o, c.b, c.bgm, c.two_t,
                 c.k_not_weighed,
                 None if c.d_s is None else round(c.d_s * 100, 1),
                 None if c.n_d is None else round(c.n_d * 100, 1)]
            )  # fmt: skip
        t = ctx["total"]
        sheet.append(
            ["Jumlah", "", t.s, t.k, t.d, t.n, t.t, t.o, t.b, t.bgm, t.two_t, t.k_not_weighed,
             None if t.d_s is None else round(t.d_s * 100, 1),
             None if t.n_d is None else round(t.n_d * 100, 1)]
        )  # fmt: skip
        sheet.column_dimensions["A"].width = 30
        sheet.column_dimensions["B"].width = 15
    out = BytesIO()
    protect_workbook(wb).save(out)
    return out.getvalue()


__all__ = ["bad_month", "parse_month", "resolve_scope", "skdn_page", "skdn_xlsx", "skdn_workbook"]
