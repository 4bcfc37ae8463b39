"""/lapangan/data/who2006.json: public, cacheable (also for a logged-in KPM), gzipped, ETag.

The WHO tables are not personal data and the same for everyone; the service worker fetches them
with the KPM's session cookie, so the answer must stay cacheable although Tikar marks answers
to logged-in users `no-store, private` (PrivateCacheMiddleware).
"""

from __future__ import annotations

import gzip
import json

from tikar.field import tables
from tikar.growth.who2006 import CATEGORY_LABELS, DAYS_PER_MONTH
from tikar.test import BaseTestCase

URL = "/lapangan/data/who2006.json"


class WhoTablesViewTests(BaseTestCase):
    def test_it_answers_the_tables_as_public_cacheable_json_to_a_logged_in_kpm(self) -> None:
        self.login(self.sari)
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/json")
        cache = {d.strip() for d in response["Cache-Control"].split(",")}
        self.assertIn("public", cache)
        self.assertIn(f"max-age={tables.MAX_AGE_SECONDS}", cache)
        self.assertFalse(cache & {"no-store", "private", "no-cache"}, cache)
        data = json.loads(response.content)
        self.assertEqual(data["format"], 1)
        self.assertEqual(data["constants"]["days_per_month"], DAYS_PER_MONTH)
        self.assertEqual(data["labels"]["category"], CATEGORY_LABELS)
        self.assertEqual(set(data["tables"]), {"len", "wei", "bmi", "hc", "ac", "wfl", "wfh"})
        self.assertEqual(response["ETag"], f'"{data["version"]}"')

    def test_it_answers_the_same_bytes_anonymously(self) -> None:
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, tables.built()[0])
        self.assertIn("public", response["Cache-Control"])

    def test_it_gzips_for_a_client_that_accepts_it(self) -> None:
        self.login(self.sari)
        response = self.client.get(URL, headers={"accept-encoding": "gzip, deflate, br"})
        self.assertEqual(response["Content-Encoding"], "gzip")
        self.assertIn("Accept-Encoding", response["Vary"])
        self.assertEqual(gzip.decompress(response.content), tables.built()[0])
        self.assertLess(len(response.content), 25_000)  # the whole WHO standard, ~16 KB

    def test_it_answers_304_to_a_matching_etag(self) -> None:
        self.login(self.sari)
        etag = self.client.get(URL)["ETag"]
        response = self.client.get(URL, headers={"if-none-match": etag})
        self.assertEqual(response.status_code, 304)
        self.assertEqual(response.content, b"")
        self.assertIn("public", response["Cache-Control"])
        gz = self.client.get(URL, headers={"if-none-match": etag, "accept-encoding": "gzip"})
        self.assertEqual(gz.status_code, 304)

    def test_it_answers_200_to_a_stale_etag(self) -> None:
        response = self.client.get(URL, headers={"if-none-match": '"0000000000000000"'})
        self.assertEqual(response.status_code, 200)

    def test_it_refuses_a_post(self) -> None:
        self.login(self.sari)
        self.assertEqual(self.client.post(URL).status_code, 405)
