"""The pure e-PPGBM row builder: age text, Cara Ukur, categories, the layouts' keys."""

from datetime import date
from unittest import TestCase

from tikar.posyandu import eppgbm


class EppgbmRowsTest(TestCase):
    def test_it_writes_the_age_as_years_months_days(self):
        self.assertEqual(eppgbm.age_text(date(2024, 7, 3), date(2025, 10, 15)),
                         "1 Tahun - 3 Bulan - 12 Hari")  # fmt: skip
        self.assertEqual(
            eppgbm.age_text(date(2025, 1, 31), date(2025, 3, 1)), "0 Tahun - 1 Bulan - 0 Hari"
        )  # born on the 31st: month 1 ends 1 March
        self.assertEqual(eppgbm.age_text(date(2025, 5, 1), date(2025, 5, 1)),
                         "0 Tahun - 0 Bulan - 0 Hari")  # fmt: skip
        self.assertEqual(eppgbm.age_text(date(2025, 5, 1), None), "")

    def test_it_maps_every_column_of_every_layout(self):
        m = eppgbm.Measurement(
            nik="1210071505250001", name="A", sex="P", birth_date=date(2024, 7, 3),
            measure_date=date(2025, 10, 15), weight_kg=8.1, length_cm=75.0,
            measured_lying=False, cat_wei="underweight", cat_len="severely_stunted",
            cat_wfl="normal", fwfl=False, weight_gain="T", kia_number="",
        )  # fmt: skip
        for key, layout in eppgbm.layouts().items():
            (row,) = eppgbm.build_rows([m], key)
            values = dict(zip(layout.headers, row, strict=True))
            self.assertEqual(values["Cara Ukur"], "Berdiri")
            self.assertEqual(values["BB/U"], "Berat badan kurang")
            self.assertEqual(values["TB/U"], "Sangat pendek")
            self.assertEqual(values["BB/TB"], "Gizi baik")
            self.assertEqual(values["Naik Berat Badan"], "T")
            self.assertEqual(values["KIA"], "Tidak")
            self.assertIsNone(values["Pukesmas"])

    def test_it_leaves_the_category_of_a_flagged_z_empty(self):
        m = eppgbm.Measurement(nik="", name="A", sex="L", birth_date=date(2025, 1, 1),
                               measured_lying=True, cat_wei="severely_underweight", fwei=True)  # fmt: skip
        (row,) = eppgbm.build_rows([m])
        values = dict(zip(eppgbm.layouts()["2024"].headers, row, strict=True))
        self.assertEqual((values["BB/U"], values["Cara Ukur"]), ("", "Terlentang"))
