from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError

from tikar.households.nik import check_nik, check_temp_number, is_nik, make_temp_number
from tikar.households.tests.factories import MOTHER_BIRTH, MOTHER_NIK, child, mother
from tikar.households.validation import kecamatan_codes, nik_problems
from tikar.test import BaseTestCase


def codes(problems) -> list[str]:
    return [p.code for p in problems]


class NikShapeTests(BaseTestCase):
    def test_it_accepts_a_well_formed_nik_of_a_real_kecamatan(self) -> None:
        # 12.10.07 (Bilah Barat) → prefix 121007; 47 = 7th + 40 (female); 03; 95.
        problems = nik_problems(MOTHER_NIK, sex="P", birth_date=MOTHER_BIRTH)
        self.assertEqual(problems, [])
        self.assertIn("121007", kecamatan_codes())

    def test_it_refuses_short_non_digit_and_all_same_niks_as_errors(self) -> None:
        for raw, code in [
            ("121007470395000", "nik_length"),
            ("12100747039500A1", "nik_not_digits"),
            ("0000000000000000", "nik_all_same"),
            ("7777777777777777", "nik_all_same"),
        ]:
            with self.subTest(raw=raw):
                problems = check_nik(raw)
                self.assertEqual(codes(problems), [code])
                self.assertTrue(problems[0].is_error)
        self.assertIn("16 digit", check_nik("1234")[0].message)

    def test_it_reads_dots_and_spaces_people_copy_from_the_family_card(self) -> None:
        self.assertTrue(is_nik("1210 0747 0395 0001"))

    def test_it_warns_when_the_prefix_is_no_kecamatan(self) -> None:
        # 12.10.99 does not exist in Labuhanbatu.
        problems = nik_problems("1210994703950001", sex="P", birth_date=MOTHER_BIRTH)
        self.assertEqual(codes(problems), ["nik_region_unknown"])
        self.assertFalse(problems[0].is_error)
        self.assertIn("12.10.99", problems[0].message)

    def test_it_warns_when_the_sex_does_not_match_the_day(self) -> None:
        # Day 07 (no +40) is a man's NIK, entered for a girl.
        problems = nik_problems("1210070703950001", sex="P", birth_date=MOTHER_BIRTH)
        self.assertEqual(codes(problems), ["nik_sex_mismatch"])
        self.assertIn("laki-laki", problems[0].message)

    def test_it_warns_when_the_birth_date_differs(self) -> None:
        problems = nik_problems(MOTHER_NIK, sex="P", birth_date=date(1996, 3, 7))
        self.assertEqual(codes(problems), ["nik_birth_date_mismatch"])
        self.assertIn("07-03-95", problems[0].message)

    def test_it_warns_about_an_impossible_embedded_date(self) -> None:
        self.assertEqual(codes(check_nik("1210073213950001")), ["nik_date_invalid"])


class TempNumberTests(BaseTestCase):
    def test_it_builds_and_accepts_the_mothers_nik_plus_one_digit(self) -> None:
        number = make_temp_number(MOTHER_NIK, 1)
        self.assertEqual(number, MOTHER_NIK + "1")
        self.assertEqual(check_temp_number(number, mother_nik=MOTHER_NIK), [])

    def test_it_is_never_taken_for_a_nik(self) -> None:
        number = MOTHER_NIK + "1"
        self.assertFalse(is_nik(number))
        self.assertEqual(codes(check_nik(number)), ["nik_is_temp_number"])
        self.assertIn("nomor sementara", check_nik(number)[0].message)

    def test_it_refuses_a_number_not_starting_with_the_mothers_nik(self) -> None:
        problems = check_temp_number("12100747039500021", mother_nik=MOTHER_NIK)
        self.assertEqual(codes(problems), ["temp_number_mother_mismatch"])
        self.assertEqual(codes(check_temp_number("1234")), ["temp_number_length"])

    def test_it_keeps_the_temp_number_out_of_the_exported_nik(self) -> None:
        c = child(self.sibargot, self.sari, temp_number=MOTHER_NIK + "1")
        c.full_clean()
        self.assertEqual(c.export_nik, "")


class NikOnModelsTests(BaseTestCase):
    def test_it_refuses_to_save_a_malformed_nik_with_an_indonesian_message(self) -> None:
        m = mother(self.sibargot, self.sari)
        m.nik = "0000000000000000"
        with self.assertRaises(ValidationError) as caught:
            m.full_clean()
        self.assertIn("satu angka yang sama", str(caught.exception.message_dict["nik"]))

    def test_it_saves_a_mismatching_nik_and_lists_the_warning(self) -> None:
        m = mother(self.sibargot, self.sari, birth_date=date(1995, 3, 8))
        m.full_clean()  # a warning does not block
        self.assertEqual(codes(m.warnings()), ["nik_birth_date_mismatch"])
