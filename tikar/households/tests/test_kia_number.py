from __future__ import annotations

from django.db import IntegrityError, transaction

from tikar.households.tests.factories import pregnancy
from tikar.test import BaseTestCase


class KiaNumberTests(BaseTestCase):
    def test_it_refuses_the_same_kia_number_twice_in_one_desa(self) -> None:
        pregnancy(self.sibargot, self.sari, kia_number="KIA-7")
        with self.assertRaises(IntegrityError), transaction.atomic():
            pregnancy(self.sibargot, self.sari, kia_number="KIA-7")

    def test_it_allows_the_number_in_another_desa_and_after_a_delete(self) -> None:
        first = pregnancy(self.sibargot, self.sari, kia_number="KIA-7")
        pregnancy(self.bandar_kumbul, self.budi, kia_number="KIA-7")
        first.soft_delete(self.sari)
        pregnancy(self.sibargot, self.sari, kia_number="KIA-7")  # the corrected re-entry
        pregnancy(self.sibargot, self.sari, kia_number="")
        pregnancy(self.sibargot, self.sari, kia_number="")  # no number yet is not a clash
