from __future__ import annotations

import uuid

from tikar.households.models import Household
from tikar.households.tests.factories import household
from tikar.test import BaseTestCase


class SyncColumnsTests(BaseTestCase):
    def test_it_accepts_the_uuid_made_by_the_phone(self) -> None:
        phone_id = uuid.uuid4()
        h = household(self.sibargot, self.sari, id=phone_id)
        self.assertEqual(Household.objects.get(pk=phone_id), h)

    def test_it_bumps_version_and_change_seq_on_every_save(self) -> None:
        h = household(self.sibargot, self.sari)
        other = household(self.bandar_kumbul, self.budi)
        self.assertEqual(h.version, 1)
        first_seq = h.change_seq
        self.assertGreater(other.change_seq, first_seq)
        h.latrine = True
        h.save()
        h.refresh_from_db()
        self.assertEqual(h.version, 2)
        self.assertGreater(h.change_seq, other.change_seq)

    def test_it_leaves_a_tombstone_with_a_higher_change_seq_on_delete(self) -> None:
        h = household(self.sibargot, self.sari)
        before = h.change_seq
        h.soft_delete(self.sari)
        h.refresh_from_db()
        self.assertIsNotNone(h.deleted_at)
        self.assertGreater(h.change_seq, before)
        self.assertEqual(list(Household.objects.changed_since(before)), [h])
        self.assertFalse(Household.objects.alive().filter(pk=h.pk).exists())

    def test_it_copies_the_village_from_the_household_onto_the_people(self) -> None:
        from tikar.households.tests.factories import child

        c = child(self.sibargot, self.sari)
        self.assertEqual(c.village_id, self.sibargot.code)
        self.assertEqual(c.mother.village_id, self.sibargot.code)
