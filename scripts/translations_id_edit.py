"""Bahasa Indonesia for correcting the register and for deleting with confirmation and undo
(tikar/households/views_edit.py, corrections.py, forms_edit.py and their templates)."""

ID = {
    # Corrections: derived values (corrections.py)
    "The record of %(month)s has a visit on %(visit)s, before this birth date. Check the birth "
    "date, or correct that record's visit date first.": (
        "Catatan bulan %(month)s punya tanggal kunjungan %(visit)s, sebelum tanggal lahir ini. "
        "Periksa tanggal lahir, atau perbaiki dulu tanggal kunjungan catatan itu."
    ),
    "There is a monthly record for %(month)s, before the month of this birth date. Check the "
    "birth date.": (
        "Ada catatan bulanan untuk %(month)s, sebelum bulan tanggal lahir ini. Periksa tanggal "
        "lahir."
    ),
    "Quarter %(quarters)s is validated and keeps the figures computed from the old data. Ask "
    "the Admin Desa to reopen it if its scorecard must follow this correction.": (
        "Kuartal %(quarters)s sudah divalidasi dan tetap memakai angka dari data lama. Minta "
        "Admin Desa membuka kembali kuartal itu bila scorecard-nya harus mengikuti perbaikan "
        "ini."
    ),
    # Edit screens
    "Correct %(name)s": "Perbaiki data %(name)s",
    "Correct the data": "Perbaiki data",
    "Correct the mother's data": "Perbaiki data ibu",
    "Correct the mother's data (%(name)s)": "Perbaiki data ibu (%(name)s)",
    "Save the correction": "Simpan perbaikan",
    "Cancel": "Batal",
    "The correction is saved.": "Perbaikan sudah disimpan.",
    "verified: this change is marked after verification": (
        "sudah diverifikasi: perubahan ini ditandai setelah verifikasi"
    ),
    "A new birth date or sex recomputes the age, z-scores and nutrition status of every monthly "
    "record of this child.": (
        "Tanggal lahir atau jenis kelamin yang baru menghitung ulang umur, z-score dan status "
        "gizi di setiap catatan bulanan anak ini."
    ),
    "%(name)s is already verified by the Admin Desa, so a KPM cannot change it. Ask the Admin "
    "Desa to correct it.": (
        "%(name)s sudah diverifikasi Admin Desa, jadi KPM tidak dapat mengubahnya. Minta Admin "
        "Desa memperbaikinya."
    ),
    "mother's data changed": "data ibu diubah",
    # Delete confirmation
    "Delete %(name)s?": "Hapus %(name)s?",
    "Yes, delete %(name)s": "Ya, hapus %(name)s",
    "No, keep it": "Tidak, simpan saja",
    "Back": "Kembali",
    "Its monthly record (%(first)s) leaves the monthly lists, the exports and the scorecard.": (
        "Catatan bulanannya (%(first)s) keluar dari daftar bulanan, ekspor dan scorecard."
    ),
    "Its %(n)s monthly records (%(first)s to %(last)s) leave the monthly lists, the exports "
    "and the scorecard.": (
        "%(n)s catatan bulanannya (%(first)s sampai %(last)s) keluar dari daftar bulanan, ekspor "
        "dan scorecard."
    ),
    "It has no monthly record yet.": "Belum ada catatan bulanan.",
    "Quarters already validated keep their figures until the Admin Desa reopens them.": (
        "Kuartal yang sudah divalidasi tetap memakai angkanya sampai Admin Desa membukanya kembali."
    ),
    "The children registered from this pregnancy stay in the register:": (
        "Anak yang didaftarkan dari kehamilan ini tetap ada di daftar:"
    ),
    'Nothing is erased: you can restore it from "Deleted entries" with everything it had.': (
        'Tidak ada yang hilang: data ini dapat dipulihkan dari "Data terhapus" beserta semua '
        "catatannya."
    ),
    # Undo and the list of deleted entries
    "Undo": "Batalkan",
    "Deleted entries": "Data terhapus",
    "Entries of this desa deleted in the last %(days)s days that you may restore. Restoring "
    "brings back the entry with its monthly records.": (
        "Data desa ini yang dihapus dalam %(days)s hari terakhir dan boleh Anda pulihkan. "
        "Memulihkan mengembalikan data beserta catatan bulanannya."
    ),
    "Nothing was deleted recently.": "Tidak ada data yang dihapus akhir-akhir ini.",
    "Restore": "Pulihkan",
    "deleted": "dihapus",
    "%(name)s is restored.": "%(name)s dipulihkan.",
    "%(name)s was verified; only the Admin Desa can restore it.": (
        "%(name)s sudah diverifikasi; hanya Admin Desa yang dapat memulihkannya."
    ),
    "Restore the household of %(head)s first.": "Pulihkan dulu rumah tangga %(head)s.",
    "KIA number %(kia)s is now used by another pregnancy in this desa. Correct one of the two "
    "KIA numbers first.": (
        "No Register KIA %(kia)s sekarang dipakai kehamilan lain di desa ini. Perbaiki dulu salah "
        "satu dari kedua nomor itu."
    ),
}
