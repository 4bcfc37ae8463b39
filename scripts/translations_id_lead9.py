"""Indonesian for the strings the lead added while integrating issue 9 (fill_translations.py)."""

ID = {
    "The request is too large (more than %(size)s). Send fewer records at once.": "Kiriman terlalu besar (lebih dari %(size)s). Kirim lebih sedikit data sekaligus.",
    "Not saved yet: the server could not save it now; the phone sends it again.": "Belum tersimpan: server belum dapat menyimpannya sekarang; HP mengirimnya lagi nanti.",
    "True when the server, not the data, failed (refused): keep the operation and send it again later.": "True bila yang gagal adalah server, bukan datanya (ditolak): simpan operasinya dan kirim lagi nanti.",
    "This field cannot be null.": "Kolom ini harus diisi.",
    "This field cannot be blank.": "Kolom ini harus diisi.",
}
