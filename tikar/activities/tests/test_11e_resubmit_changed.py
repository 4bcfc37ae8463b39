"""A reused submit token swallows only an identical repeat; changed content is a new record."""

from __future__ import annotations

from datetime import date

from django.test import override_settings
from django.urls import reverse

from tikar.activities.models import Activity, Attendance, Training
from tikar.activities.tests.test_11e_activity_log import NEW, post_data
from tikar.activities.tests.test_11e_training import LIST, details
from tikar.test import BaseTestCase


@override_settings(TIKAR_TODAY="2026-11-25")
class ResubmitChangedTest(BaseTestCase):
    def test_it_saves_changed_content_sent_with_a_used_token_as_a_new_activity(self):
        self.login(self.sari)
        self.client.post(NEW, post_data())
        first = Activity.objects.get()
        # Back, edit, Save: the same token with another kind, date and title.
        changed = post_data(kind="growth_mat", held_on="2026-11-21", title="Tikar pertumbuhan")
        response = self.client.post(NEW, changed)
        self.assertRedirects(response, f"{reverse('activity_log')}?bulan=2026-11")
        second = Activity.objects.exclude(pk=first.pk).get()
        self.assertEqual(
            (second.kind, second.held_on, second.title),
            ("growth_mat", date(2026, 11, 21), "Tikar pertumbuhan"),
        )
        self.assertEqual(Attendance.objects.filter(activity=second).count(), 2)
        first.refresh_from_db()
        self.assertEqual((first.kind, first.title), ("fathers", "Kelas ayah"))
        # A double tap on the changed form, and a repeat of the first: still two rows.
        again = self.client.post(NEW, changed)
        self.assertRedirects(again, reverse("activity_edit", args=[second.pk]))
        repeat = self.client.post(NEW, post_data())
        self.assertRedirects(repeat, reverse("activity_edit", args=[first.pk]))
        self.assertEqual(Activity.objects.count(), 2)

    def test_it_counts_a_change_of_participants_only_as_new_content(self):
        self.login(self.sari)
        self.client.post(NEW, post_data())
        self.client.post(NEW, post_data(w_parents="3"))
        self.assertEqual(Activity.objects.count(), 2)

    def test_it_saves_a_changed_training_sent_with_a_used_token_as_a_new_training(self):
        self.login(self.hendra)
        self.client.post(LIST, details())
        first = Training.objects.get()
        changed = details(
            title="Pelatihan KPM angkatan 2", held_from="2026-11-02", held_to="2026-11-03"
        )
        response = self.client.post(LIST, changed)
        second = Training.objects.exclude(pk=first.pk).get()
        self.assertRedirects(response, reverse("training_detail", args=[second.pk]))
        self.assertEqual(
            (second.title, second.held_from), ("Pelatihan KPM angkatan 2", date(2026, 11, 2))
        )
        self.assertRedirects(
            self.client.post(LIST, changed), reverse("training_detail", args=[second.pk])
        )
        self.assertRedirects(
            self.client.post(LIST, details()), reverse("training_detail", args=[first.pk])
        )
        self.assertEqual(Training.objects.count(), 2)
