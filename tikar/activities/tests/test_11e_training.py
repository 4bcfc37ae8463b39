"""KPM training: the kabupaten officer records it and its attendance; scoping of readers."""

from __future__ import annotations

from datetime import date

from django.test import override_settings
from django.urls import reverse

from tikar.accounts.models import Role
from tikar.activities.models import Training, TrainingAttendance
from tikar.test import BaseTestCase, make_user

LIST = reverse("training_list")
TOKEN = "1b7f5a61-7a5e-4c1f-8b0e-2f1f0a4c9d11"


def details(**over) -> dict:
    data = {
        "title": "Pelatihan KPM angkatan 1",
        "held_from": "2026-10-12",
        "held_to": "2026-10-14",
        "place": "Rantauprapat",
        "organiser": "Dinas PMD",
        "notes": "",
        "submit_token": TOKEN,
    }
    data.update(over)
    return data


@override_settings(TIKAR_TODAY="2026-11-25")
class TrainingTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        # Kabupaten Asahan (12.09): another kabupaten with its officer and a KPM.
        cls.other_officer = make_user("asahan", Role.REGENCY_OFFICER, "12.09")
        cls.other_kpm = make_user("kpmasahan", Role.KPM, "12.09.08.2002")

    def make(self) -> Training:
        t = Training.objects.create(
            regency_id="12.10", title="Pelatihan Labuhanbatu", held_from=date(2026, 10, 1),
            held_to=date(2026, 10, 2),
        )  # fmt: skip
        TrainingAttendance.objects.create(training=t, kpm=self.sari, attended=True)
        return t

    def test_it_lets_the_kabupaten_officer_create_once_and_tick_attendance(self):
        self.login(self.hendra)
        first = self.client.post(LIST, details())
        second = self.client.post(LIST, details())
        t = Training.objects.get()
        self.assertEqual(t.regency_id, "12.10")
        self.assertRedirects(first, reverse("training_detail", args=[t.pk]))
        self.assertRedirects(second, reverse("training_detail", args=[t.pk]))
        url = reverse("training_detail", args=[t.pk])
        response = self.client.post(
            url, details(**{f"kpm_{self.sari.pk}": "attended", f"kpm_{self.budi.pk}": "invited"})
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(
            dict(TrainingAttendance.objects.values_list("kpm__username", "attended")),
            {"sari": True, "budi": False},
        )
        self.client.post(url, details(**{f"kpm_{self.sari.pk}": ""}))
        self.assertFalse(TrainingAttendance.objects.filter(kpm=self.sari).exists())

    def test_it_refuses_a_kpm_of_another_kabupaten_and_bad_states(self):
        t = self.make()
        self.login(self.hendra)
        url = reverse("training_detail", args=[t.pk])
        for extra in (
            {f"kpm_{self.other_kpm.pk}": "attended"},
            {f"kpm_{self.rahmat.pk}": "attended"},  # an Admin Desa, not a KPM
            {"kpm_abc": "attended"},
            {f"kpm_{self.budi.pk}": "hadir"},
        ):
            with self.subTest(extra=extra):
                response = self.client.post(url, details(title="Diubah", **extra))
                self.assertContains(response, "Hanya KPM", status_code=400)
        self.assertEqual(
            list(TrainingAttendance.objects.values_list("kpm__username", flat=True)), ["sari"]
        )
        t.refresh_from_db()
        self.assertEqual(t.title, "Pelatihan Labuhanbatu")

    def test_it_gives_another_kabupaten_a_404(self):
        t = self.make()
        url = reverse("training_detail", args=[t.pk])
        self.login(self.other_officer)
        self.assertEqual(self.client.get(url).status_code, 404)
        self.assertEqual(self.client.post(url, {"action": "delete"}).status_code, 404)
        self.assertNotContains(self.client.get(LIST), "Pelatihan Labuhanbatu")
        self.assertTrue(Training.objects.filter(pk=t.pk).exists())

    def test_it_lets_officers_above_and_below_read_only(self):
        t = self.make()
        url = reverse("training_detail", args=[t.pk])
        prov = make_user("maria", Role.PROVINCE_OFFICER, "12")
        for user in (self.dewi, self.tono, prov, self.agus):
            self.login(user)
            with self.subTest(user=user.username):
                self.assertContains(self.client.get(LIST), "Pelatihan Labuhanbatu")
                self.assertEqual(self.client.get(url).status_code, 200)
                self.assertEqual(self.client.post(url, {"action": "delete"}).status_code, 404)
                self.assertEqual(self.client.post(LIST, details()).status_code, 404)
        # Tono's kecamatan has no invited KPM: he sees the training, not Sari's attendance.
        self.login(self.tono)
        self.assertNotContains(self.client.get(url), "Sari")
        self.login(self.dewi)
        self.assertContains(self.client.get(url), "Sari")
        self.assertEqual(Training.objects.count(), 1)

    def test_it_shows_village_users_only_the_trainings_they_were_invited_to(self):
        t = self.make()
        url = reverse("training_detail", args=[t.pk])
        for user, seen in (
            (self.sari, True),
            (self.rahmat, True),
            (self.budi, False),
            (self.yusuf, False),
        ):
            self.login(user)
            with self.subTest(user=user.username):
                self.assertEqual(self.client.get(url).status_code, 200 if seen else 404)
                listed = "Pelatihan Labuhanbatu" in self.client.get(LIST).content.decode()
                self.assertEqual(listed, seen)
                self.assertEqual(self.client.post(url, {"action": "delete"}).status_code, 404)

    def test_it_refuses_bad_dates(self):
        self.login(self.hendra)
        for over in (
            {"held_to": "2026-10-01"},
            {"held_from": "1999-01-01"},
            {"held_to": "2027-01-30"},
            {"title": ""},
        ):
            with self.subTest(over=over):
                response = self.client.post(LIST, details(submit_token="", **over))
                self.assertEqual(response.status_code, 400)
        self.assertFalse(Training.objects.exists())

    def test_it_deletes_a_training(self):
        t = self.make()
        self.login(self.hendra)
        self.client.post(reverse("training_detail", args=[t.pk]), {"action": "delete"})
        self.assertFalse(Training.objects.exists())
