"""Area and desa pages never recompute a dirty quarter inline: they leave it to the worker,
show the stored figures with "Sedang diperbarui: N desa menunggu dihitung ulang", and the
note's poll answers HX-Refresh once the worker is done (issue 12: "never inline")."""

from __future__ import annotations

from unittest import mock

from django.test import override_settings
from django.urls import reverse
from django_tasks import task_backends

from tikar.monitoring.services import record_month
from tikar.scorecard.models import DirtyQuarter
from tikar.scorecard.refresh import refresh_dirty
from tikar.scorecard.tests.area import build_bilah_barat
from tikar.scorecard.tests.desa import MAR, QUARTER, TODAY, YEAR
from tikar.test import BILAH_BARAT, SIBARGOT, BaseTestCase

DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class PagesNeverRecomputeTests(BaseTestCase):
    def setUp(self) -> None:
        self.targets = build_bilah_barat(self)
        refresh_dirty()  # the worker has caught up with the entries
        # Then Sari records Ani's BPJS card in March: Sibargot's quarter is dirty again.
        record_month(self.targets["ani"], MAR, {"health_insurance": True}, self.sari)
        self.assertTrue(DirtyQuarter.objects.filter(village_id=SIBARGOT).exists())

    def get(self, user, name: str, query: str = "", quarter: int = QUARTER):
        self.login(user)
        return self.client.get(reverse(name, args=[YEAR, quarter]) + query)

    @override_settings(TASKS=DUMMY)
    def test_it_shows_dewi_the_stored_figures_with_the_note(self, _) -> None:
        page = self.get(self.dewi, "rollup")
        self.assertEqual(page.status_code, 200)
        self.assertTrue(DirtyQuarter.objects.filter(village_id=SIBARGOT).exists())
        sib = next(r for r in page.context["rows"] if r["code"] == SIBARGOT)
        self.assertEqual((sib["received"], sib["expected"]), (13, 24))  # before the BPJS card
        self.assertEqual(page.context["pending"], 1)
        self.assertContains(page, 'data-testid="pending"')
        self.assertContains(page, "1 desa")
        self.assertContains(page, 'hx-trigger="every 5s"')
        self.assertContains(page, "htmx.min.js")  # the poll needs htmx on the page
        self.assertEqual(len(task_backends["default"].results), 1)  # the worker was asked
        # The poll repeats the note while the desa waits, then asks htmx to reload.
        poll = self.get(self.dewi, "rollup", "?pending=1")
        self.assertContains(poll, 'data-testid="pending"')
        refresh_dirty()
        poll = self.get(self.dewi, "rollup", "?pending=1")
        self.assertEqual(poll["HX-Refresh"], "true")
        sib = next(
            r for r in self.get(self.dewi, "rollup").context["rows"] if r["code"] == SIBARGOT
        )
        self.assertEqual((sib["received"], sib["expected"]), (14, 24))
        self.assertNotContains(self.get(self.dewi, "rollup"), 'data-testid="pending"')

    @override_settings(TASKS=DUMMY)
    def test_it_shows_the_note_on_the_lokus_and_desa_pages(self, _) -> None:
        lokus = self.get(self.dewi, "lokus")
        self.assertContains(lokus, 'data-testid="pending"')
        page = self.get(self.sari, "scorecard")
        self.assertContains(page, 'data-testid="pending"')
        self.assertTrue(DirtyQuarter.objects.filter(village_id=SIBARGOT).exists())
        t4 = self.get(self.sari, "scorecard", "?format=json").json()["table4_convergence"]
        self.assertEqual(t4["pregnancy"]["received"], 5)  # the stored figure, not yet 6
        refresh_dirty()
        self.assertEqual(self.get(self.sari, "scorecard", "?pending=1")["HX-Refresh"], "true")
        t4 = self.get(self.sari, "scorecard", "?format=json").json()["table4_convergence"]
        self.assertEqual(t4["pregnancy"]["received"], 6)

    @override_settings(TASKS=DUMMY)
    def test_it_still_labels_the_running_quarter_provisional(self, _) -> None:
        # Quarter II 2026 runs on 15 April: roll-up, lokus and desa pages say so.
        for user, name in ((self.dewi, "rollup"), (self.dewi, "lokus"), (self.sari, "scorecard")):
            page = self.get(user, name, quarter=2)
            self.assertContains(page, 'data-testid="provisional"', msg_prefix=name)

    def test_it_refreshes_at_once_with_the_immediate_backend(self, _) -> None:
        page = self.get(self.dewi, "rollup")
        self.assertFalse(DirtyQuarter.objects.exists())
        self.assertEqual(page.context["pending"], 0)
        self.assertNotContains(page, 'data-testid="pending"')

    @override_settings(TASKS=DUMMY)
    def test_it_gives_another_area_404_on_the_poll(self, _) -> None:
        self.assertEqual(
            self.get(self.tono, "rollup", f"?wilayah={BILAH_BARAT}&pending=1").status_code, 404
        )
        self.assertEqual(
            self.get(self.tono, "scorecard", f"?desa={SIBARGOT}&pending=1").status_code, 404
        )
        self.assertEqual(
            self.get(self.budi, "scorecard", f"?desa={SIBARGOT}&pending=1").status_code, 404
        )
