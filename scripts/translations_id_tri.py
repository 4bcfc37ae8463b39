"""Bahasa Indonesia for "not asked" vs "no" and the data problems of Formulir 3 / 4 (issue 8)."""

ID = {
    # the third state of a yes/no question (tikar.households.forms.yes_no)
    "Not filled in": "Belum diisi",
    "yes,no,not filled in": "ya,tidak,belum diisi",
    # Formulir 1 (a): unknown shown apart from "without"
    "Households: safe drinking water not asked yet": "Rumah tangga: air minum aman belum ditanyakan",
    "Households: latrine not asked yet": "Rumah tangga: jamban layak belum ditanyakan",
    "Pregnant women: health insurance not asked yet": "Ibu hamil: jaminan kesehatan belum ditanyakan",
    "Children: health insurance not asked yet": "Anak: jaminan kesehatan belum ditanyakan",
    "Children: birth certificate not asked yet": "Anak: akta kelahiran belum ditanyakan",
    # Formulir 3 / 4: data problems
    "Formulir %(form)s": "Formulir %(form)s",
    "Targets with data problems: %(n)s": "%(n)s sasaran dengan data bermasalah",
    "Their figures count an unanswered question as not received. Open each target to see what is missing, then correct the monthly record.": "Pertanyaan yang belum diisi dihitung sebagai tidak diterima. Buka setiap sasaran untuk melihat apa yang kurang, lalu perbaiki catatan bulanannya.",
    "Data problem: a question was not answered or the record cannot be read. It counts as not received until the monthly record is corrected.": "Data bermasalah: ada pertanyaan yang belum diisi atau catatan tidak dapat dibaca. Dihitung sebagai tidak diterima sampai catatan bulanannya diperbaiki.",
    # API: the recap row's flag
    "True when a T comes from a question not answered or from data that cannot be evaluated; the explanation page says what to correct.": "True bila sebuah T berasal dari pertanyaan yang belum diisi atau dari data yang tidak dapat dinilai; halaman penjelasan menyebutkan apa yang harus diperbaiki.",
}
