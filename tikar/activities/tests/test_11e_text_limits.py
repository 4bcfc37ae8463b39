"""Free text is capped (notes 2,000 characters, the rest at their column size) with a message;
participant counts take ASCII digits only."""

from __future__ import annotations

from django.test import override_settings

from tikar.activities.models import Activity, Training
from tikar.activities.tests.test_11e_activity_log import NEW, post_data
from tikar.activities.tests.test_11e_training import LIST, details
from tikar.test import BaseTestCase


@override_settings(TIKAR_TODAY="2026-11-25")
class TextLimitsTest(BaseTestCase):
    def test_it_refuses_activity_notes_over_2000_characters_with_a_message(self):
        self.login(self.sari)
        response = self.client.post(NEW, post_data(notes="x" * 100_000, submit_token=""))
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Catatan paling banyak 2000 karakter", status_code=400)
        self.assertContains(response, 'maxlength="2000"', status_code=400)
        self.assertFalse(Activity.objects.exists())
        self.client.post(NEW, post_data(notes="x" * 2000, submit_token=""))
        self.assertEqual(len(Activity.objects.get().notes), 2000)

    def test_it_refuses_over_long_titles_places_and_partners_with_a_message(self):
        self.login(self.sari)
        for field, size in (("title", 200), ("place", 200), ("partners", 300)):
            with self.subTest(field=field):
                response = self.client.post(NEW, post_data(**{field: "y" * (size + 1)}))
                self.assertContains(
                    response, f"Teks ini paling banyak {size} karakter", status_code=400
                )
        self.assertFalse(Activity.objects.exists())

    def test_it_refuses_training_notes_over_2000_characters_on_create_and_edit(self):
        self.login(self.hendra)
        response = self.client.post(LIST, details(notes="x" * 100_000))
        self.assertContains(response, "Catatan paling banyak 2000 karakter", status_code=400)
        self.assertFalse(Training.objects.exists())
        self.client.post(LIST, details())
        t = Training.objects.get()
        response = self.client.post(f"/pelatihan-kpm/{t.pk}/", details(notes="x" * 2001))
        self.assertContains(response, "Catatan paling banyak 2000 karakter", status_code=400)
        t.refresh_from_db()
        self.assertEqual(t.notes, "")

    def test_it_refuses_participant_counts_in_other_digits(self):
        self.login(self.sari)
        for count in ("١٢", "１２", "²", "+1", "10000"):
            with self.subTest(count=count):
                response = self.client.post(NEW, post_data(m_parents=count, submit_token=""))
                self.assertEqual(response.status_code, 400)
        self.assertFalse(Activity.objects.exists())
