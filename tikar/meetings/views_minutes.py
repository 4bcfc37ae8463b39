"""The Berita Acara Rembuk Stunting Desa: print page (A4), PDF (WeasyPrint) and the priority
list as XLSX. What the document says is `meetings.minutes.build()`; docs/rembuk.md (11c).

Access: village users of the desa and officers of its area (`?desa=<code>`) read; another desa
is a 404 (households.views.village_for); no meeting that year is a 404 with a page that says
so. All three are read-only (`require_safe`).
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from tikar.accounts.scope import scoped
from tikar.exports import protect_workbook
from tikar.households.views import village_for
from tikar.meetings import minutes
from tikar.meetings.models import VillageMeeting
from tikar.regions.models import Region

PDF_CSS = "css/minutes.css"


def _meeting(request: HttpRequest, year: int) -> tuple[Region, VillageMeeting | None]:
    village = village_for(request)  # 404 for a desa outside the user's area
    meeting = (
        scoped(VillageMeeting.objects.select_related("village"), request.user)
        .filter(village=village, year=year)
        .first()
    )
    return village, meeting


def _desa_query(request: HttpRequest, village: Region) -> str:
    return "" if request.user.is_village_user else f"?desa={village.code}"


def _missing(request: HttpRequest, village: Region, year: int) -> HttpResponse:
    """No rembuk recorded for that year: a 404 that says so, with the way to record it."""
    return render(
        request,
        "meetings/minutes_missing.html",
        {"village": village, "year": year, "desa_query": _desa_query(request, village)},
        status=404,
    )


def _filename(village: Region, year: int, ext: str, stem: str) -> str:
    return f"{stem}-{slugify(village.name) or village.code}-{year}.{ext}"


@login_required
@require_safe
def minutes_print(request: HttpRequest, year: int) -> HttpResponse:
    village, meeting = _meeting(request, year)
    if meeting is None:
        return _missing(request, village, year)
    doc = minutes.build(meeting)
    return render(
        request,
        "meetings/minutes.html",
        {"doc": doc, "year": year, "village": village, "desa_query": _desa_query(request, village)},
    )


# --------------------------------------------------------------------------------------------
# PDF


def load_weasyprint() -> Any:
    """The weasyprint module. The seam where a machine without Pango fails: importing
    WeasyPrint raises OSError when its system libraries cannot be loaded."""
    import weasyprint

    return weasyprint


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> dict:
    # The document links nothing; refuse every URL so that a text typed into a field can never
    # make the server fetch a file or an address (the stylesheet is passed in directly).
    raise ValueError(f"not fetched: {url[:80]}")


def render_pdf(html: str) -> bytes:
    """The PDF of the Berita Acara's HTML, with minutes.css. Raises OSError without Pango."""
    weasyprint = load_weasyprint()
    css_path = finders.find(PDF_CSS)
    css = weasyprint.CSS(filename=str(Path(css_path)), url_fetcher=_no_fetch)
    document = weasyprint.HTML(string=html, base_url=".", url_fetcher=_no_fetch).render(
        stylesheets=[css]
    )
    return document.write_pdf()


@login_required
@require_safe
def minutes_pdf(request: HttpRequest, year: int) -> HttpResponse:
    village, meeting = _meeting(request, year)
    if meeting is None:
        return _missing(request, village, year)
    doc = minutes.build(meeting)
    html = render_to_string("meetings/minutes_pdf.html", {"doc": doc}, request=request)
    try:
        pdf = render_pdf(html)
    except (OSError, ImportError):
        # A fresh machine without Pango: the print page and the browser's own "Save as PDF"
        # give the same document.
        return render(
            request,
            "meetings/minutes_no_pdf.html",
            {"year": year, "village": village, "desa_query": _desa_query(request, village)},
            status=503,
        )
    response = HttpResponse(pdf, content_type="application/pdf")
    name = _filename(village, year, "pdf", "berita-acara-rembuk")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# --------------------------------------------------------------------------------------------
# XLSX


def proposals_workbook(doc: minutes.Minutes) -> bytes:
    """The priority list as one worksheet: header rows like the Berita Acara, every column,
    then the totals by package and by funding source; with the budget path (stage and
    amounts) when any proposal has one. Numbers are numbers; codes and texts are text."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = _("Priority list")[:31]
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="E6F2EE")
    wrap = Alignment(wrap_text=True, vertical="top")
    rp = '"Rp" #,##0'

    ws.append([doc.title.upper()])
    ws.cell(row=1, column=1).font = Font(bold=True, size=13)
    for label, value in (
        (_("Regency/City"), doc.regency),
        (_("District"), doc.district),
        (str(doc.meeting.village.kind_label), doc.village_name),
        (_("Village code"), doc.meeting.village.code),
        (_("Budget year"), f"{doc.terms.plan} {doc.meeting.plan_year}"),
        (_("Date of the meeting"), f"{doc.day}, {doc.date_text}"),
        (_("Place"), doc.meeting.place),
    ):
        ws.append([label, value])
        ws.cell(row=ws.max_row, column=1).font = bold
    ws.append([])

    columns: list[tuple[str, int]] = [
        (_("No."), 5),
        (_("Activity"), 40),
        (_("Target group"), 22),
        (_("Service package"), 26),
        (_("Kind"), 14),
        (_("Dusun"), 12),
        (_("Volume"), 9),
        (_("Unit"), 10),
        (_("Estimated cost (Rp)"), 16),
        (_("Funding source"), 18),
        (_("Implementer"), 18),
        (_("Timing"), 14),
        (_("Activity code"), 12),
    ]
    path_cols = doc.has_budget_path
    if path_cols:
        columns += [
            (_("Stage"), 20),
            (_("Amount in %(plan)s (Rp)") % {"plan": doc.terms.plan}, 16),
            (_("Amount allocated in %(budget)s (Rp)") % {"budget": doc.terms.budget}, 16),
            (_("Amount realised (Rp)"), 16),
        ]
    ws.append([c for c, _w in columns])
    header_row = ws.max_row
    for i, (_c, width) in enumerate(columns, start=1):
        cell = ws.cell(row=header_row, column=i)
        cell.font = bold
        cell.fill = head_fill
        cell.alignment = wrap
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = f"A{header_row + 1}"  # a string: a Cell here would create the row
    ws.print_title_rows = f"{header_row}:{header_row}"

    for p in doc.proposals:
        row: list[Any] = [
            p.no, p.activity, p.target_group, p.package_label, p.kind_label, p.dusun,
            p.volume, p.unit, p.estimated_cost, p.source_label, p.implementer, p.timing,
            p.activity_code,
        ]  # fmt: skip
        if path_cols:
            row += [p.stage_label, p.planned_amount, p.allocated_amount, p.realised_amount]
        ws.append(row)
        r = ws.max_row
        ws.cell(row=r, column=9).number_format = rp
        code = ws.cell(row=r, column=13)
        code.data_type = "s"  # "2.2.02" must never become a date or a number
        code.number_format = "@"
        for c in (15, 16, 17) if path_cols else ():
            ws.cell(row=r, column=c).number_format = rp
        for c in range(1, len(columns) + 1):
            ws.cell(row=r, column=c).alignment = wrap
    ws.append([None, _("Total"), None, None, None, None, None, None, doc.total_cost])
    ws.cell(row=ws.max_row, column=2).font = bold
    ws.cell(row=ws.max_row, column=9).font = bold
    ws.cell(row=ws.max_row, column=9).number_format = rp

    def totals_table(title: str, lines: list[minutes.TotalLine]) -> None:
        ws.append([])
        ws.append([None, title, _("Proposals"), _("Estimated cost (Rp)")])
        for c in (2, 3, 4):
            ws.cell(row=ws.max_row, column=c).font = bold
            ws.cell(row=ws.max_row, column=c).fill = head_fill
        for t in lines:
            ws.append([None, t.label, t.proposals, t.estimated_cost])
            ws.cell(row=ws.max_row, column=4).number_format = rp

    totals_table(_("Total by service package"), doc.by_package)
    totals_table(_("Total by funding source"), doc.by_source)

    protect_workbook(wb)  # activities and names are typed by people: never run as formulas
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


@login_required
@require_safe
def proposals_xlsx(request: HttpRequest, year: int) -> HttpResponse:
    village, meeting = _meeting(request, year)
    if meeting is None:
        return _missing(request, village, year)
    content = proposals_workbook(minutes.build(meeting))
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    name = _filename(village, year, "xlsx", "usulan-rembuk")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
