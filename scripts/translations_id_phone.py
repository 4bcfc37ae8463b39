"""Bahasa Indonesia for the phone work (issue 8 §6): navigation, Tugas search and filters, save
and next, verification in place, quarter validation confirmation, login error."""

ID = {
    # Navigation
    "Menu": "Menu",
    # Tugas bulan ini: search, filters, pages
    "Name, NIK or KIA number": "Nama, NIK atau nomor KIA",
    "All posyandu": "Semua posyandu",
    "All dusun": "Semua dusun",
    "Form": "Formulir",
    "All forms": "Semua formulir",
    "Only not yet recorded": "Hanya yang belum dicatat",
    "Search": "Cari",
    "Posyandu, dusun, form": "Posyandu, dusun, formulir",
    "Apply": "Terapkan",
    "Matching targets: %(n)s": "Sasaran yang cocok: %(n)s",
    "Clear the filter": "Hapus saringan",
    "No target matches this search. Check the spelling, or clear the filter.": "Tidak ada sasaran yang cocok. Periksa ejaannya, atau hapus saringan.",
    "Pages": "Halaman",
    "Previous": "Sebelumnya",
    "Next": "Berikutnya",
    "Page %(n)s of %(total)s": "Halaman %(n)s dari %(total)s",
    # Monthly entry
    "Read only.": "Hanya bisa dibaca.",
    "Save and next": "Simpan & lanjut",
    "Everything in this list is recorded for %(month)s.": "Semua sasaran dalam daftar ini sudah dicatat untuk %(month)s.",
    # Verification
    "Matching entries: %(n)s": "Data yang cocok: %(n)s",
    "No entry matches this search. Check the spelling, or clear the filter.": "Tidak ada data yang cocok. Periksa ejaannya, atau hapus saringan.",
    # Validating a quarter
    "Confirm the validation": "Konfirmasi validasi",
    "Validate %(q)s now?": "Validasi %(q)s sekarang?",
    "Check the figures above first: the KPM cannot change this quarter's records until you reopen it.": "Periksa dulu angka di atas: KPM tidak bisa mengubah data kuartal ini sampai Anda membukanya kembali.",
    "Yes, validate": "Ya, validasi",
    "Nothing was validated: tap “Yes, validate” to confirm the validation.": "Belum ada yang divalidasi: ketuk “Ya, validasi” untuk mengonfirmasi validasi.",
    # Login
    "The username or password is wrong. Check both (capital letters count) and try again.": "Nama pengguna atau kata sandi salah. Periksa keduanya (huruf besar dan kecil dibedakan), lalu coba lagi.",
}
