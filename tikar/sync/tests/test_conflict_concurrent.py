"""Four taps from two people (two each) resolving one conflict at once: it is resolved once.

Real threads, each with its own database connection (a client of its own), through the page
and its POST. Holds on SQLite (writers serialised, "locked" answers retried by the view) and
on PostgreSQL (the conflict row locked with SELECT ... FOR UPDATE): `make test-pg`.
"""

from __future__ import annotations

from datetime import date
from unittest import mock

from django.test import Client

from tikar.accounts.models import Role
from tikar.households.tests.concurrency import ConcurrentTestCase, at_once
from tikar.households.tests.factories import child
from tikar.monitoring.models import ChildVisit, Conflict
from tikar.monitoring.services import record_month
from tikar.test import SIBARGOT, make_user

MAY = date(2026, 5, 1)


class ConcurrentResolveTests(ConcurrentTestCase):
    def setUp(self) -> None:
        super().setUp()
        patcher = mock.patch("django.utils.timezone.localdate", return_value=date(2026, 5, 20))
        patcher.start()
        self.addCleanup(patcher.stop)
        self.rahmat = make_user("rahmat", Role.VILLAGE_ADMIN, SIBARGOT)
        c = child(self.sibargot, self.sari, birth_date=date(2025, 10, 1))
        self.visit = record_month(c, MAY, {"home_visit": False}, self.sari).record
        record_month(c, MAY, {"home_visit": True}, self.rahmat)
        self.conflict = record_month(
            c, MAY, {"home_visit": None}, self.sari, base_version=1
        ).conflict

    def test_it_resolves_once_when_four_taps_arrive_together(self) -> None:
        users = [self.sari, self.sari, self.rahmat, self.rahmat]
        choices = ["phone", "server", "phone", "server"]
        clients = []
        for user in users:
            client = Client()
            client.force_login(user)
            clients.append(client)
        version = ChildVisit.objects.get(pk=self.visit.pk).version
        url = f"/konflik/{self.conflict.pk}/"

        def tap(i: int):
            return clients[i].post(url, {"choice": choices[i], "seen_version": version})

        responses, errors = at_once(4, tap)
        self.assertEqual(errors, [])
        # A rendered page instead of a redirect would mean an error shown to the person.
        shown = [r.content.decode()[-1500:] for r in responses if r.status_code != 302]
        self.assertEqual(shown, [])
        targets = sorted(r["Location"] for r in responses)
        # The person whose tap won goes back to the list with both taps (the second is told
        # what the first did); the other person's two taps show the resolved conflict.
        self.assertEqual(targets, ["/konflik/", "/konflik/", url, url])
        conflict = Conflict.objects.get(pk=self.conflict.pk)
        self.assertIsNotNone(conflict.resolved_at)
        closings = conflict.history.filter(resolved_at__isnull=False)
        self.assertEqual(closings.count(), 1)
        visit = ChildVisit.objects.get(pk=self.visit.pk)
        took_phone = closings.get().history_change_reason.endswith("phone's values")
        # Either choice gives the record one new version (the phones must hear of it), once.
        self.assertEqual(visit.version, version + 1)
        self.assertEqual(visit.home_visit, None if took_phone else True)
