"""Indonesian for the lead's strings of issue 10."""

ID = {
    "Back to the report": "Kembali ke laporan",
}
