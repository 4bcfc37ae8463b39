"""Bahasa Indonesia for the field app's screens (issue 9, helper D2: tikar/field/messages_screens.py).

Most labels of the offline screens reuse the online forms' msgids and their translations; these
are the words only the offline screens say.
"""

ID = {
    "Already registered from this pregnancy:": "Sudah didaftarkan dari kehamilan ini:",
    "Check the warnings above, then tick this box if the numbers are right.": "Periksa peringatan di atas, lalu centang kotak ini bila angkanya benar.",
    "Downloading the data of your desa…": "Mengunduh data desa Anda…",
    "Everything on this phone has been sent.": "Semua data di HP ini sudah terkirim.",
    "Fill the birth date.": "Isi tanggal lahir.",
    "Fill the delivery date.": "Isi tanggal persalinan.",
    "Fix it: change the answers below and save again.": "Cara memperbaiki: ubah isian di bawah, lalu simpan lagi.",
    "I checked the warnings: save anyway.": "Saya sudah memeriksa peringatannya: tetap simpan.",
    "Kept on this phone; sent when there is signal.": "Tersimpan di HP ini; dikirim saat ada sinyal.",
    "Not found on this phone.": "Tidak ditemukan di HP ini.",
    "Not sent and to check": "Belum terkirim dan perlu diperiksa",
    "Open and change": "Buka dan ubah",
    "Pregnancy": "Kehamilan",
    "Record the delivery": "Catat persalinan",
    "Saved on this phone, not yet sent.": "Tersimpan di HP, belum terkirim.",
    "See what is not sent yet": "Lihat yang belum terkirim",
    "Something went wrong on this screen.": "Terjadi kesalahan di layar ini.",
    "The z-scores appear once the WHO tables are loaded.": "Skor-z muncul setelah tabel WHO dimuat.",
}
