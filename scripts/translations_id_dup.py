"""Bahasa Indonesia for "nothing duplicated": likely duplicates on every path, one import per
desa at a time (tikar/households/duplicates.py, tikar/workbooks)."""

ID = {
    # tikar/households/duplicates.py (the API's and the import report's warning)
    "May already be registered: %(name)s (%(detail)s), %(what)s. Check with the family that this is a different person.": "Mungkin sudah terdaftar: %(name)s (%(detail)s), %(what)s. Pastikan bersama keluarga bahwa ini orang yang berbeda.",
    # tikar/workbooks/importer.py
    "Another import into this desa is still running. Nothing of this file was saved: upload it again in a few minutes (what the other import saved will be recognised, not copied).": "Impor lain untuk desa ini masih berjalan. Belum ada data dari file ini yang disimpan: unggah lagi beberapa menit lagi (data yang sudah disimpan impor lain akan dikenali, tidak digandakan).",
    # tikar/workbooks/models.py
    "import lock": "kunci impor",
    "import locks": "kunci impor",
}
