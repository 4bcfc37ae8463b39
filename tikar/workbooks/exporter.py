"""Formulir 2a / 2b / 2c of one desa and month as an .xlsx file, in the official column order.

The rows are the month's targets (the same list as "Tugas bulan ini") plus any target that has
a record that month; a target without a record has its identity columns and empty indicators,
which is how the paper form shows a target not yet visited. The caller has already decided that
the user may see this desa (`views.export_month` through the scope).

A newborn's temporary number (the mother's NIK + one digit) is never written: the NIK column
holds `Child.export_nik`, the real NIK or nothing. The rows and column titles are
`tikar.monitoring.form_rows` (shared with the printed forms); this module writes the file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from tikar.calendar import MONTHS_ID
from tikar.exports import protect_workbook
from tikar.monitoring.form_rows import COLUMNS, ROWS
from tikar.regions.models import Region

HEADER_ROW = 8  # the column titles: after the title, 5 header rows and an empty row
HEADER_FILL = PatternFill("solid", fgColor="D9EAD3")
TITLES = {
    "2a": "FORMULIR 2a: PEMANTAUAN BULANAN IBU HAMIL",
    "2b": "FORMULIR 2b: PEMANTAUAN BULANAN ANAK 0-23 BULAN",
    "2c": "FORMULIR 2c: PEMANTAUAN BULANAN LAYANAN PAUD ANAK 2-6 TAHUN",
}


def build_export(
    village: Region,
    form: str,
    month: date,
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """The workbook of Formulir `form` ("2a" | "2b" | "2c") for `village` and `month`.

    `progress(rows_done, rows_total)`, when given, is called as rows are written (the
    worker's export job shows it to the user).
    """
    ancestors = {r.level: r for r in village.ancestors()}
    wb = Workbook()
    ws = wb.active
    ws.title = f"Formulir {form}"
    ws.append([TITLES[form]])
    ws["A1"].font = Font(bold=True, size=13)
    header = (
        ("Desa/Kelurahan", village.name),
        ("Kecamatan", ancestors[3].name if 3 in ancestors else ""),
        ("Kabupaten/Kota", ancestors[2].name if 2 in ancestors else ""),
        ("Bulan", MONTHS_ID[month.month - 1]),
        ("Tahun", month.year),
    )
    for label, value in header:
        ws.append([label, value])
        ws.cell(ws.max_row, 1).font = Font(bold=True)
    for index, title in enumerate(COLUMNS[form], start=1):
        cell = ws.cell(HEADER_ROW, index, title)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    rows = ROWS[form](village, month)
    for number, row in enumerate(rows, start=1):
        if progress is not None and number % 200 == 0:
            progress(number, len(rows))
        for index, value in enumerate([number, *row], start=1):
            cell = ws.cell(HEADER_ROW + number, index, value)
            if isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(value, str) and value.isdigit():
                cell.number_format = "@"  # a NIK must stay text, all 16 digits
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 3)
    ws.column_dimensions["A"].width = 16
    for letter in "BCDEFGHIJKLMNOPQRSTUVWXYZ":
        ws.column_dimensions[letter].width = 14
    ws.column_dimensions["C"].width = 24
    out = BytesIO()
    # Names, KIA numbers and posyandu are typed by people: "=HYPERLINK(...)" stays text.
    protect_workbook(wb)
    wb.save(out)
    return out.getvalue()
