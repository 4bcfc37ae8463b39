"""Bahasa Indonesia for running Tikar for real: error pages, the CSRF failure page, the
password-change throttle and the export desa check. Source strings are English."""

ID = {
    # 500.html
    "Something went wrong": "Terjadi kesalahan",
    "Tikar could not finish this request. What you saved before is kept. Go back, reload the page and try again; if it happens again, tell your Admin Desa or officer which page and what you did.": (
        "Tikar tidak dapat menyelesaikan permintaan ini. Data yang sudah Anda simpan sebelumnya "
        "tetap ada. Kembali, muat ulang halaman, lalu coba lagi; jika terjadi lagi, beri tahu "
        "Admin Desa atau petugas Anda halaman mana dan apa yang Anda lakukan."
    ),
    # 400.html
    "Request not understood": "Permintaan tidak dapat dibaca",
    "Tikar could not read this request. Check the address, or go back, reload the page and try again.": (
        "Permintaan tidak dapat dibaca oleh Tikar. Periksa alamatnya, atau kembali, muat ulang "
        "halaman, lalu coba lagi."
    ),
    # 403_csrf.html
    "The form has expired": "Formulir sudah kedaluwarsa",
    "This form was open too long, or you logged in again in another tab, so it could not be saved. Go back, reload the page (pull down or press the reload button), fill it in again and save.": (
        "Formulir ini terbuka terlalu lama, atau Anda masuk lagi di tab lain, sehingga tidak "
        "dapat disimpan. Kembali, muat ulang halaman (tarik layar ke bawah atau tekan tombol "
        "muat ulang), isi lagi, lalu simpan."
    ),
    # Password change throttle
    "Too many wrong current passwords. This form is locked for %(minutes)s minutes: wait, then try again, or ask your Admin Desa to set a new password.": (
        "Terlalu banyak kata sandi lama yang salah. Formulir ini dikunci selama %(minutes)s "
        "menit: tunggu, lalu coba lagi, atau minta Admin Desa Anda mengatur kata sandi baru."
    ),
    # Export pick
    "No desa with code %(code)s in your area: check the code.": (
        "Tidak ada desa dengan kode %(code)s di wilayah Anda: periksa kodenya."
    ),
}
