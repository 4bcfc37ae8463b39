"""The same batch sent by 4 phones' retries at once: every record exists once (offline.md 2).

Real threads, real connections, committed transactions (SQLite and PostgreSQL): the requests
race on the op_id's row, the loser waits for the winner and answers with its stored result.
"""

from __future__ import annotations

from uuid import uuid4

from django.test import Client

from tikar.households.models import Child, Household, Mother
from tikar.households.tests.concurrency import ConcurrentTestCase, at_once, retry_locked
from tikar.monitoring.models import ChildVisit
from tikar.sync.models import SyncOperation

from .sync_helpers import SYNC_URL, op


class ConcurrentBatchTests(ConcurrentTestCase):
    available_apps = [*ConcurrentTestCase.available_apps, "tikar.sync", "tikar.regions"]

    def test_it_applies_a_batch_sent_by_four_threads_at_once_exactly_once(self) -> None:
        house, mother, kid = uuid4(), uuid4(), uuid4()
        batch = [
            op("household", {"head_name": "Pak Serentak"}, id=house),
            op("mother", {"household": str(house), "name": "Bu Serentak"}, id=mother),
            op(
                "child",
                {
                    "household": str(house),
                    "mother": str(mother),
                    "name": "Anak Serentak",
                    "sex": "P",
                    "birth_date": "2026-01-05",
                },
                id=kid,
            ),
            op("child_visit", {"target": str(kid), "month": "2026-03-01", "latrine": True}),
            # Two creates of the same month under different ids: merged into one record.
            op("child_visit", {"target": str(kid), "month": "2026-04-01", "latrine": True}),
            op("child_visit", {"target": str(kid), "month": "2026-04-01", "latrine": True}),
        ]
        body = {"device_id": "hp", "operations": batch}

        def post(_i: int):
            client = Client()

            def send():
                if "_auth_user_id" not in client.session:
                    client.force_login(self.sari)
                response = client.post(SYNC_URL, body, content_type="application/json")
                assert response.status_code == 200, response.content
                return response.json()["results"]

            return retry_locked(send)

        with self.settings(TIKAR_TODAY="2026-05-20"):
            answers, errors = at_once(4, post)
        self.assertEqual(errors, [])
        self.assertEqual(len(answers), 4)
        for results in answers:
            self.assertNotIn("refused", [r["outcome"] for r in results], results)
            self.assertEqual(results, answers[0])
        self.assertEqual(Household.objects.filter(head_name="Pak Serentak").count(), 1)
        self.assertEqual(Mother.objects.filter(name="Bu Serentak").count(), 1)
        self.assertEqual(Child.objects.filter(name="Anak Serentak").count(), 1)
        self.assertEqual(ChildVisit.objects.filter(child_id=kid).count(), 2)
        self.assertEqual(Household.objects.get(pk=house).version, 1)
        self.assertEqual(SyncOperation.objects.count(), len(batch))
