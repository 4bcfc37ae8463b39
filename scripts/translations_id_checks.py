"""Bahasa Indonesia for the shared validation rules served to the phone (issue 9, item 7)."""

ID = {
    # tikar/field/checks.py: a second record of a target's month on the phone
    "%(month)s is already recorded for this target. Open that month's record and change it there.": "%(month)s sudah dicatat untuk sasaran ini. Buka catatan bulan itu dan ubah di sana.",
}
