"""Bahasa Indonesia for the fixes of the entry form's live N/T judgement (issue 10, helper H):
no judgement of an implausible weight, a T with a reason shown as N, and "less than the
minimum" for a T."""

ID = {
    # entry_weighing.py
    "N (follows its growth line)": "N (mengikuti garis pertumbuhannya)",
    "Gained %(g)s g, less than the minimum %(kbm)s g: %(code)s": "Naik %(g)s g, kurang dari minimal %(kbm)s g: %(code)s",
    "Same weight, 0 g, less than the minimum %(kbm)s g: %(code)s": "Tetap, 0 g, kurang dari minimal %(kbm)s g: %(code)s",
    "Lost %(g)s g, less than the minimum %(kbm)s g: %(code)s": "Turun %(g)s g, kurang dari minimal %(kbm)s g: %(code)s",
    "Check the weight first: it is outside the plausible limits. No N/T yet.": "Periksa berat badan dulu: di luar batas yang masuk akal. Belum dinilai N/T.",
}
