"""The fixed Indonesian words of the monthly records' choices in files: label -> stored value.

The import workbook (`tikar.workbooks.columns`), the Excel export and the printed forms
(`form_rows`) write and read these words. They are a file format shared with the users'
spreadsheets and the official forms, so fixed text, not translated interface strings. They sit
in monitoring (the choices' app) so that monitoring's files do not import the workbooks app
above it (layers in pyproject.toml [tool.importlinter]).
"""

from __future__ import annotations

RISK = {"Normal": "normal", "Risti": "risti", "KEK": "kek"}
GROWTH_MAT = {
    "Hijau": "hijau",
    "Kuning": "kuning",
    "Merah": "merah",
    "Tidak diukur": "tidak_diukur",
}
PAUD = {"Belum": "belum", "Mengikuti": "mengikuti", "Tidak mengikuti": "tidak_mengikuti"}
