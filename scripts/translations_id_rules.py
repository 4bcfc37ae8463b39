"""Bahasa Indonesia for the input rules' strings (issue 8, 3): NUL, JSON bodies, uploads."""

ID = {
    # tikar/front/input_guard.py
    "The request contains a NUL character (\\0), which cannot be stored. Remove it from the address or the field and send it again.": "Permintaan berisi karakter NUL (\\0) yang tidak dapat disimpan. Hapus karakter itu dari alamat atau isian, lalu kirim lagi.",
    # tikar/api/parsers.py
    "%(value)s is not a number: send a number or null.": "%(value)s bukan angka: kirim angka atau null.",
    "%(value)s is too large: send a number of usual size.": "%(value)s terlalu besar: kirim angka dengan ukuran wajar.",
    "A text contains a NUL character (\\u0000), which cannot be stored. Remove it and send again.": "Ada teks yang berisi karakter NUL (\\u0000) yang tidak dapat disimpan. Hapus karakter itu lalu kirim lagi.",
    "The request body is not valid JSON: %(error)s": "Isi permintaan bukan JSON yang benar: %(error)s",
    "The request body must be a JSON object ({...}) with the record's fields.": "Isi permintaan harus satu objek JSON ({...}) berisi kolom-kolom data.",
    # tikar/api/exceptions.py
    "A value is too large or contains characters that cannot be stored. Check the values you sent and send them again.": "Ada nilai yang terlalu besar atau berisi karakter yang tidak dapat disimpan. Periksa nilai yang dikirim lalu kirim lagi.",
    # tikar/workbooks/importer.py
    "Reading stopped here: the %(count)s rows above are empty. If data follows further down, delete the empty rows and upload the file again.": "Pembacaan berhenti di sini: %(count)s baris di atasnya kosong. Jika masih ada data di bawahnya, hapus baris-baris kosong itu lalu unggah lagi berkasnya.",
    "a value is outside what can be stored; check its dates and numbers": "ada nilai di luar batas yang dapat disimpan; periksa tanggal dan angkanya",
    "%(count)s more problems are not listed. Correct the problems above and upload the file again to see the rest.": "%(count)s masalah lain tidak ditampilkan. Perbaiki masalah di atas lalu unggah lagi berkasnya untuk melihat sisanya.",
    "This sheet is damaged and cannot be read completely. Open the file in Excel or LibreOffice, save it again as .xlsx and upload that copy.": "Sheet ini rusak dan tidak dapat dibaca seluruhnya. Buka berkasnya di Excel atau LibreOffice, simpan lagi sebagai .xlsx, lalu unggah salinan itu.",
}
