"""The first download of a desa of about 1,000 targets stays small on the wire (issue 9).

The demo population's builder fills Sibargot with a realistic register and 18 months of
records; the snapshot (open targets, the last 6 months) is fetched page by page with gzip as a
phone does. The figure is printed (`-s`).

The issue's aim is under 300 KB. As a list of changes in change_seq order it was 470 KB gzip
for 1,015 targets and 6,673 records; as tables with short ids ordered by target and without
the WHO results the phone recomputes, it is about 270 KB (docs/offline.md, "What is on the
wire"). The test holds the aim.
"""

from __future__ import annotations

import gzip
import json
from datetime import date

from django.test import override_settings

from tikar.households.demo_population import populate_village
from tikar.households.models import Child, Pregnancy
from tikar.test import SIBARGOT, BaseTestCase

SNAPSHOT_URL = "/api/sync/snapshot/"

TODAY = date(2026, 5, 20)
BUDGET_BYTES = 300_000


@override_settings(TIKAR_TODAY=TODAY.isoformat())
class DownloadSizeTests(BaseTestCase):
    def test_it_keeps_the_first_download_of_1000_targets_within_its_budget(self) -> None:
        populate_village(SIBARGOT, today=TODAY, households=670)
        targets = (
            Pregnancy.objects.alive().filter(village=self.sibargot, closed_at__isnull=True).count()
            + Child.objects.alive().filter(village=self.sibargot, closed_at__isnull=True).count()
        )
        self.assertGreaterEqual(targets, 1000)
        self.login(self.sari)
        cursor, wire, raw, changes = "", 0, 0, 0
        while True:
            response = self.client.get(
                SNAPSHOT_URL, {"cursor": cursor, "limit": 1000}, HTTP_ACCEPT_ENCODING="gzip"
            )
            self.assertEqual(response["Content-Encoding"], "gzip")
            wire += len(response.content)
            body = json.loads(gzip.decompress(response.content))
            raw += len(json.dumps(body, separators=(",", ":")))
            changes += sum(len(table["rows"]) for table in body["tables"])
            if not body["more"]:
                break
            cursor = body["next_cursor"]
        print(
            f"\nfirst download: {targets} targets, {changes} records, {raw:,} B JSON, {wire:,} B gzip"
        )
        self.assertLess(wire, BUDGET_BYTES)
