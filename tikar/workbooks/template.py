"""The import template: an instructions sheet and one empty sheet per kind, built from columns.py.

Excel's own data validation offers the allowed values as a drop-down (Ya/Tidak, L/P, ...), so
most typing mistakes never reach the import; the import still checks everything itself, since
LibreOffice, Google Sheets or a copy-paste can bypass the drop-downs.
"""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from tikar.workbooks import columns as c

VALIDATED_ROWS = 5000  # how far down the drop-downs reach; the import reads any number of rows
HEADER_FILL = PatternFill("solid", fgColor="D9EAD3")
REQUIRED_FILL = PatternFill("solid", fgColor="F9CB9C")
BOLD = Font(bold=True)
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

GENERAL = (
    "Cara memakai templat impor Tikar",
    "1. Isi satu baris per data di sheet yang sesuai. Baris 1 (judul kolom) jangan diubah; "
    "kolom bertanda * wajib diisi. Sheet yang tidak dipakai boleh dibiarkan kosong.",
    "2. Baris saling menunjuk lewat kunci: Kunci rumah tangga (sheet Rumah tangga), No Register "
    "KIA (sheet Ibu hamil) dan Kunci anak (sheet Anak). Jadi rumah tangga, ibu hamil, anak dan "
    "pemantauan bulanannya bisa masuk dalam satu file.",
    "3. Semua atau tidak sama sekali: bila ada satu baris yang salah, TIDAK ADA yang disimpan. "
    "Tikar menampilkan daftar setiap sheet, baris dan kolom yang harus diperbaiki (juga dapat "
    "diunduh sebagai CSV atau sebagai file ini dengan sel yang salah ditandai merah).",
    "4. Impor ulang file yang sama tidak membuat data ganda: rumah tangga dan anak dikenali "
    "dari kuncinya, ibu hamil dari No Register KIA, pemantauan dari sasaran dan bulannya. Baris "
    "untuk bulan yang sudah ada datanya MENGUBAH data bulan itu.",
    "5. Sel kosong berarti: nilai yang tersimpan tidak diubah (untuk data baru: belum diisi, pertanyaan ya/tidak tidak dianggap Tidak).",
    "6. Tanggal: TTTT-BB-HH (2025-01-10) atau HH/BB/TTTT. Bulan: TTTT-BB (2026-05). Tanggal "
    "tidak boleh sesudah hari ini; tanggal kunjungan harus di dalam bulan pemantauan.",
    "7. NIK: 16 angka, kolom berformat Teks (angka 16 digit dalam format Angka dirusak Excel). "
    "NIK yang tidak cocok dengan tanggal lahir, jenis kelamin atau kode kecamatan hanya "
    "diberi peringatan, tidak ditolak. Nomor sementara bayi (NIK ibu + 1 angka) diisi di "
    "kolom Nomor sementara, bukan di kolom NIK.",
)


def _header(col: c.Column) -> str:
    return f"{col.header} *" if col.required else col.header


def _instructions(ws) -> None:
    ws.title = c.INSTRUCTIONS_SHEET
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 34
    ws.column_dimensions["C"].width = 8
    ws.column_dimensions["D"].width = 34
    ws.column_dimensions["E"].width = 70
    ws.column_dimensions["F"].width = 18
    wrap = Alignment(wrap_text=True, vertical="top")
    ws.append([GENERAL[0]])
    ws["A1"].font = Font(bold=True, size=14)
    for line in GENERAL[1:]:
        ws.append([line])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=6)
        ws.cell(ws.max_row, 1).alignment = wrap
        ws.row_dimensions[ws.max_row].height = 45
    ws.append([])
    ws.append(["Sheet", "Kolom", "Wajib", "Isian yang boleh", "Keterangan", "Contoh"])
    for cell in ws[ws.max_row]:
        cell.font = BOLD
        cell.fill = HEADER_FILL
    for sheet in c.SHEETS:
        ws.append([sheet.name, "", "", "", sheet.purpose, ""])
        ws.cell(ws.max_row, 1).font = BOLD
        for col in sheet.columns:
            ws.append(
                [
                    sheet.name,
                    col.header,
                    "Ya" if col.required else "",
                    col.allowed,
                    col.help,
                    col.example,
                ]
            )
            for cell in ws[ws.max_row]:
                cell.alignment = wrap
    ws.freeze_panes = None


def _data_sheet(wb: Workbook, sheet: c.Sheet) -> None:
    ws = wb.create_sheet(sheet.name)
    ws.append([_header(col) for col in sheet.columns])
    ws.freeze_panes = "A2"
    for index, col in enumerate(sheet.columns, start=1):
        letter = get_column_letter(index)
        cell = ws.cell(1, index)
        cell.font = BOLD
        cell.fill = REQUIRED_FILL if col.required else HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        dim = ws.column_dimensions[letter]
        dim.width = max(col.width, min(len(col.header) + 3, 28))
        if col.kind in (c.KEY, c.TEXT, c.NIK, c.MONTH):
            # Text format keeps NIKs exact and "2026-05" / "001" as typed.
            dim.number_format = "@"
        elif col.kind == c.DATE:
            dim.number_format = "yyyy-mm-dd"
        cell_range = f"{letter}2:{letter}{VALIDATED_ROWS}"
        if col.choices:
            dv = DataValidation(
                type="list",
                formula1='"' + ",".join(col.choices) + '"',
                allow_blank=True,
                showErrorMessage=True,
                errorTitle=col.header,
                error="Pilih salah satu: " + ", ".join(col.choices),
            )
        elif col.kind in (c.DECIMAL, c.INT):
            dv = DataValidation(
                type="decimal" if col.kind == c.DECIMAL else "whole",
                operator="greaterThanOrEqual",
                formula1="0",
                allow_blank=True,
                showErrorMessage=True,
                errorTitle=col.header,
                error="Isi angka " + ("(1 desimal)" if col.kind == c.DECIMAL else "bulat"),
            )
        else:
            continue
        ws.add_data_validation(dv)
        dv.add(cell_range)
    ws.row_dimensions[1].height = 32


def build_template() -> Workbook:
    wb = Workbook()
    _instructions(wb.active)
    for sheet in c.SHEETS:
        _data_sheet(wb, sheet)
    return wb


def template_bytes() -> bytes:
    out = BytesIO()
    build_template().save(out)
    return out.getvalue()
