from __future__ import annotations

from datetime import date, timedelta
from unittest import mock

from tikar.households.tests.factories import child, pregnancy
from tikar.monitoring.queries import tasks_for_month
from tikar.monitoring.rules import child_cohort_on, child_forms_for_month, pregnancy_phase_on
from tikar.monitoring.services import record_month
from tikar.test import BaseTestCase

BIRTH = date(2024, 3, 15)


class CohortTests(BaseTestCase):
    def test_it_moves_a_child_from_2b_to_2c_at_24_months(self) -> None:
        self.assertEqual(child_cohort_on(BIRTH, date(2026, 3, 14)), "2b")  # 23 months
        self.assertEqual(child_cohort_on(BIRTH, date(2026, 3, 15)), "2c")  # 24 months
        self.assertEqual(child_cohort_on(BIRTH, date(2030, 3, 14)), "2c")  # 71 months
        self.assertIsNone(child_cohort_on(BIRTH, date(2030, 3, 15)))  # 6 years

    def test_it_asks_for_both_forms_in_the_month_of_the_second_birthday(self) -> None:
        self.assertEqual(child_forms_for_month(BIRTH, date(2026, 2, 1)), ("2b",))
        self.assertEqual(child_forms_for_month(BIRTH, date(2026, 3, 1)), ("2b", "2c"))
        self.assertEqual(child_forms_for_month(BIRTH, date(2026, 4, 1)), ("2c",))

    def test_it_keeps_a_mother_as_ibu_nifas_for_42_days(self) -> None:
        delivered = date(2026, 3, 10)
        self.assertEqual(pregnancy_phase_on(delivered, delivered - timedelta(1)), "pregnant")
        self.assertEqual(pregnancy_phase_on(delivered, delivered), "nifas")
        self.assertEqual(pregnancy_phase_on(delivered, delivered + timedelta(42)), "nifas")
        self.assertIsNone(pregnancy_phase_on(delivered, delivered + timedelta(43)))


@mock.patch("django.utils.timezone.localdate", return_value=date(2026, 5, 20))
class TasksOfTheMonthTests(BaseTestCase):
    def test_it_lists_the_targets_that_need_a_record_this_month(self, _) -> None:
        may = date(2026, 5, 1)
        pregnant = pregnancy(self.sibargot, self.sari, kia_number="A")
        # Delivered 42 days before 1 May: still nifas on 1 May. 43 days: not a target.
        nifas = pregnancy(
            self.sibargot, self.sari, kia_number="B", delivery_date=may - timedelta(42)
        )
        pregnancy(self.sibargot, self.sari, kia_number="C", delivery_date=may - timedelta(43))
        baby = child(self.sibargot, self.sari, birth_date=date(2025, 11, 2))
        toddler = child(self.sibargot, self.sari, birth_date=date(2024, 5, 20))  # 2 on 20 May
        child(self.sibargot, self.sari, birth_date=date(2020, 4, 1))  # past 6 years
        child(self.bandar_kumbul, self.budi, birth_date=date(2025, 11, 2))  # another desa
        record_month(baby, may, {"home_visit": True}, self.sari)

        tasks = {(t.form, t.target.pk): t.done for t in tasks_for_month(self.sibargot.code, may)}
        self.assertEqual(
            tasks,
            {
                ("2a", pregnant.pk): False,
                ("2a", nifas.pk): False,
                ("2b", baby.pk): True,
                ("2b", toddler.pk): False,
                ("2c", toddler.pk): False,
            },
        )
