"""e-PPGBM export: `/eppgbm/`, the month's measurements of a desa or posyandu as XLSX.

Scope as `/skdn/` (tikar.posyandu.views_skdn.resolve_scope): a KPM or Admin Desa their own
desa, an officer `?desa=CODE` in their area; `?posyandu=ID` narrows to one posyandu of the
desa, `?bulan=YYYY-MM` chooses the month, `?versi=2025` the 2025/26 layout
(data/eppgbm_columns.json). Anyone else, or an area that is not a desa: 404.

The rows are the month's live records of the desa's live children that have a weight or a
length, ordered by posyandu and name; a record's posyandu is where it was measured, else the
child's register posyandu.
"""

from __future__ import annotations

from io import BytesIO

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_safe
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from tikar import clock
from tikar.exports import protect_workbook
from tikar.monitoring.models import ChildVisit
from tikar.posyandu import eppgbm
from tikar.posyandu.views_skdn import XLSX, bad_month, parse_month, resolve_scope
from tikar.regions.models import Level, Posyandu, Region

HEADER_FILL = PatternFill("solid", fgColor="D9EAD3")


def _float(value) -> float | None:
    return None if value is None else float(value)


def measurements(village: Region, month, posyandu: Posyandu | None) -> list[eppgbm.Measurement]:
    """The month's measured or weighed records of `village` (already scope-checked)."""
    places = {r.level: r.name for r in village.ancestors()}
    qs = (
        ChildVisit.objects.filter(
            village_id=village.code,
            month=month,
            deleted_at__isnull=True,
            child__deleted_at__isnull=True,
        )
        .filter(Q(weighed=True) | Q(measured=True))
        .select_related("child", "child__household", "child__mother", "child__posyandu", "posyandu")
    )
    if posyandu is not None:
        qs = qs.filter(Q(posyandu=posyandu) | Q(posyandu__isnull=True, child__posyandu=posyandu))
    out = []
    for v in qs:
        c = v.child
        h, mother = c.household, c.mother
        place = v.posyandu or c.posyandu
        out.append(
            eppgbm.Measurement(
                nik=c.export_nik,
                name=c.name,
                sex=c.sex,
                birth_date=c.birth_date,
                parent_name=mother.name if mother else h.head_name,
                parent_nik=(mother.nik or "") if mother else "",
                parent_phone=mother.phone if mother else "",
                province=places.get(Level.PROVINCE, ""),
                regency=places.get(Level.REGENCY, ""),
                district=places.get(Level.DISTRICT, ""),
                village=village.name,
                posyandu=place.name if place else "",
                rt=h.rt,
                rw=h.rw,
                address=h.address,
                kia_number=c.kia_number,
                measure_date=v.visit_date,
                weight_kg=_float(v.weight_kg),
                length_cm=_float(v.length_cm),
                measured_lying=v.measured_lying,
                muac_cm=_float(v.muac_cm),
                zwei=v.zwei,
                zlen=v.zlen,
                zwfl=v.zwfl,
                fwei=bool(v.fwei),
                flen=bool(v.flen),
                fwfl=bool(v.fwfl),
                cat_wei=v.cat_wei,
                cat_len=v.cat_len,
                cat_wfl=v.cat_wfl,
                weight_gain=v.weight_gain,
            )
        )
    out.sort(key=lambda m: (m.posyandu or "~", m.name.lower(), m.birth_date))
    return out


def workbook(records: list[eppgbm.Measurement], layout: str) -> bytes:
    """One sheet: the layout's headers in row 1, one row per measurement.

    NIK and every identity column are TEXT cells (format "@"), dates are dates.
    """
    lay = eppgbm.layouts()[layout]
    wb = Workbook()
    ws = wb.active
    ws.title = "Entri by name"
    ws.append(lay.headers)
    for cell in ws[1]:
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
    text_cols = [i for i, c in enumerate(lay.columns, 1) if c.key in eppgbm.TEXT_KEYS]
    date_cols = [i for i, c in enumerate(lay.columns, 1) if c.key in ("birth_date", "measure_date")]
    for r, values in enumerate(eppgbm.build_rows(records, layout), 2):
        for i, value in enumerate(values, 1):
            cell = ws.cell(r, i, value)
            if i in text_cols:
                cell.value = "" if value is None else str(value)
                cell.data_type = "s"
                cell.number_format = "@"
            elif i in date_cols and value is not None:
                cell.number_format = "yyyy-mm-dd"
    for i, c in enumerate(lay.columns, 1):
        ws.column_dimensions[get_column_letter(i)].width = max(10, min(len(c.header) + 4, 24))
    ws.column_dimensions["A"].width = 19
    ws.freeze_panes = "B2"
    out = BytesIO()
    protect_workbook(wb).save(out)
    return out.getvalue()


@login_required
@require_safe  # read-only: a POST is 405, never a silent 200
def eppgbm_xlsx(request: HttpRequest) -> HttpResponse:
    scope = resolve_scope(request)
    if scope.area is None or scope.area.level != Level.VILLAGE:
        raise Http404
    layout = request.GET.get("versi", "") or eppgbm.default_layout()
    if layout not in eppgbm.layouts():
        raise Http404
    month, message = parse_month(request.GET.get("bulan", ""), clock.today(), showing=False)
    if message:
        return bad_month(request, message)
    records = measurements(scope.area, month, scope.posyandu)
    content = workbook(records, layout)
    extra = f"-posyandu{scope.posyandu.pk}" if scope.posyandu else ""
    name = f"eppgbm-{scope.area.code.replace('.', '')}{extra}-{month:%Y-%m}-{layout}.xlsx"
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
