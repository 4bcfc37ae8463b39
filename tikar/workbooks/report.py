"""The import report as files: a CSV of every finding, and the workbook with its bad cells marked.

Both are made from the findings stored on the `ImportRun` (already in the user's language).
"""

from __future__ import annotations

from io import BytesIO

import openpyxl
from django.utils.translation import gettext as _
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from tikar.exports import excel_csv, protect_workbook

ERROR_FILL = PatternFill("solid", fgColor="F4CCCC")
WARNING_FILL = PatternFill("solid", fgColor="FFF2CC")
REPORT_SHEET = "Laporan impor"


def _severity(finding: dict) -> str:
    return _("Error") if finding["severity"] == "error" else _("Warning")


def _headers() -> list[str]:
    return [_("Sheet"), _("Row"), _("Column"), _("Kind"), _("Message")]


def _line(f: dict) -> list:
    return [f["sheet"], f["row"] or "", f["column"], _severity(f), f["message"]]


def findings_csv(findings: list[dict]) -> str:
    """For Excel set to Indonesian (BOM, ';'); a cell copied from the upload that could run as
    a formula ("=HYPERLINK(...)") is neutralised by tikar.exports."""
    return excel_csv(_headers(), (_line(f) for f in findings))


def annotated_workbook(content: bytes, findings: list[dict]) -> bytes:
    """The uploaded workbook with each finding's cell coloured and commented, plus a list."""
    wb = openpyxl.load_workbook(BytesIO(content))
    for f in findings:
        if not f["sheet"] or f["sheet"] not in wb.sheetnames or not f["row"]:
            continue
        ws = wb[f["sheet"]]
        col = f.get("col") or ws.max_column + 1  # a whole-row finding goes after the data
        cell = ws.cell(f["row"], col)
        cell.fill = ERROR_FILL if f["severity"] == "error" else WARNING_FILL
        previous = cell.comment.text + "\n" if cell.comment else ""
        cell.comment = Comment(previous + f["message"], "Tikar", width=320, height=120)
    if REPORT_SHEET in wb.sheetnames:
        del wb[REPORT_SHEET]
    ws = wb.create_sheet(REPORT_SHEET, 0)
    ws.append(_headers())
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for f in findings:
        ws.append(_line(f))
    for index, width in enumerate((16, 8, 28, 12, 100), start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    wb.active = 0
    out = BytesIO()
    # Both the uploaded cells and the findings quoting them may hold "=...": make them inert.
    protect_workbook(wb)
    wb.save(out)
    return out.getvalue()
