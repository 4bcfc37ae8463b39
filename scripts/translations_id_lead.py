"""Indonesian for the DRF messages (tikar/api/drf_messages.py) and the lead's fixes."""

ID = {
    "This field is required.": "Kolom ini harus diisi.",
    "This field may not be null.": "Kolom ini tidak boleh kosong (null).",
    "Must be a valid boolean.": "Harus true, false, atau null (ya / tidak / belum diisi).",
    "Not a valid string.": "Harus berupa teks.",
    "This field may not be blank.": "Kolom ini tidak boleh kosong.",
    "Ensure this field has no more than {max_length} characters.": (
        "Isian ini paling banyak {max_length} karakter."
    ),
    "Ensure this field has at least {min_length} characters.": (
        "Isian ini paling sedikit {min_length} karakter."
    ),
    "Must be a valid UUID.": "Harus berupa UUID yang sah (contoh 3f2b…-…).",
    "A valid integer is required.": "Harus bilangan bulat.",
    "Ensure this value is less than or equal to {max_value}.": (
        "Nilai ini paling besar {max_value}."
    ),
    "Ensure this value is greater than or equal to {min_value}.": (
        "Nilai ini paling kecil {min_value}."
    ),
    "String value too large.": "Teks terlalu panjang untuk sebuah angka.",
    "A valid number is required.": "Harus berupa angka.",
    "Integer value too large to convert to float": "Angka terlalu besar.",
    "Ensure that there are no more than {max_digits} digits in total.": (
        "Paling banyak {max_digits} angka seluruhnya."
    ),
    "Ensure that there are no more than {max_decimal_places} decimal places.": (
        "Paling banyak {max_decimal_places} angka di belakang koma."
    ),
    "Ensure that there are no more than {max_whole_digits} digits before the decimal point.": (
        "Paling banyak {max_whole_digits} angka di depan koma."
    ),
    "Datetime has wrong format. Use one of these formats instead: {format}.": (
        "Format tanggal dan jam salah. Gunakan salah satu format ini: {format}."
    ),
    "Expected a datetime but got a date.": "Yang diminta tanggal dan jam, bukan hanya tanggal.",
    "Datetime value out of range.": "Tanggal dan jam di luar rentang yang dapat disimpan.",
    "Date has wrong format. Use one of these formats instead: {format}.": (
        "Format tanggal salah. Gunakan salah satu format ini: {format} (contoh 2026-03-31)."
    ),
    "Expected a date but got a datetime.": "Yang diminta tanggal saja, tanpa jam.",
    '"{input}" is not a valid choice.': '"{input}" bukan pilihan yang tersedia.',
    'Expected a list of items but got type "{input_type}".': (
        'Yang diminta daftar (list), bukan "{input_type}".'
    ),
    "This list may not be empty.": "Daftar ini tidak boleh kosong.",
    'Expected a dictionary of items but got type "{input_type}".': (
        'Yang diminta objek JSON ({{...}}), bukan "{input_type}".'
    ),
    "Value must be valid JSON.": "Nilai harus JSON yang sah.",
    'Invalid pk "{pk_value}" - object does not exist.': (
        'Data dengan id "{pk_value}" tidak ditemukan di wilayah Anda.'
    ),
    "Incorrect type. Expected pk value, received {data_type}.": (
        "Jenis isian salah: kirim id data, bukan {data_type}."
    ),
    "Invalid data. Expected a dictionary, but got {datatype}.": (
        "Data tidak sah: kirim objek JSON ({{...}}), bukan {datatype}."
    ),
    "A server error occurred.": "Terjadi kesalahan di server. Coba lagi nanti.",
    "Invalid input.": "Isian tidak sah.",
    "Malformed request.": "Permintaan tidak dapat dibaca.",
    "Incorrect authentication credentials.": "Nama pengguna atau kata sandi salah.",
    "Authentication credentials were not provided.": "Silakan masuk (login) terlebih dahulu.",
    "You do not have permission to perform this action.": (
        "Anda tidak berhak melakukan tindakan ini."
    ),
    "Not found.": "Data tidak ditemukan.",
    'Method "{method}" not allowed.': 'Cara permintaan "{method}" tidak diizinkan di alamat ini.',
    "Could not satisfy the request Accept header.": (
        "Format jawaban yang diminta (Accept) tidak tersedia; minta application/json."
    ),
    'Unsupported media type "{media_type}" in request.': (
        'Jenis isi "{media_type}" tidak didukung: kirim application/json.'
    ),
    "Request was throttled.": "Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.",
    "Invalid page.": "Halaman tidak ada.",
    "Invalid cursor": "Kursor halaman tidak sah: mulai lagi dari halaman pertama.",
    "This field must be unique.": "Isian ini sudah dipakai data lain.",
    "The fields {field_names} must make a unique set.": (
        "Gabungan {field_names} sudah dipakai data lain."
    ),
    "Surrogate characters are not allowed: U+{code_point:X}.": (
        "Karakter U+{code_point:X} tidak dapat disimpan."
    ),
    # The API's own words.
    "The request body is not valid JSON (line %(line)s, column %(column)s): check the "
    "brackets, commas and quotes.": (
        "Isi permintaan bukan JSON yang sah (baris %(line)s, kolom %(column)s): periksa tanda "
        "kurung, koma, dan tanda kutip."
    ),
    "The request body is not valid JSON: send UTF-8 text in JSON format.": (
        "Isi permintaan bukan JSON yang sah: kirim teks UTF-8 dalam format JSON."
    ),
    "The security token (CSRF) is missing or out of date: reload the page and send again.": (
        "Token keamanan (CSRF) tidak ada atau sudah kedaluwarsa: muat ulang halaman lalu "
        "kirim lagi."
    ),
    "'%(value)s' is too large: check the number in this cell.": (
        "'%(value)s' terlalu besar: periksa angka di sel ini."
    ),
    "deleted": "dihapus",
    "restored": "dipulihkan",
}
