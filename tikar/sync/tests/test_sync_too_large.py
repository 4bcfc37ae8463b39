"""An upload over the server's size limit is answered in JSON and in words, not Django's HTML
400 page that a phone cannot read (a fresh user's attack, issue 9)."""

from __future__ import annotations

import json

from .sync_helpers import SYNC_URL, SyncTestCase, op


class TooLargeTests(SyncTestCase):
    def test_it_answers_a_3_mb_batch_with_a_json_413_in_indonesian(self) -> None:
        self.login(self.sari)
        long_text = "x" * 10_000
        fields = {"head_name": long_text, "address": long_text}
        operations = [op("household", fields) for _ in range(150)]
        body = json.dumps({"device_id": "hp-uji", "operations": operations})
        self.assertGreater(len(body), 2_621_440)
        response = self.client.post(SYNC_URL, body, content_type="application/json")
        self.assertEqual(response.status_code, 413, response.content[:300])
        self.assertIn("terlalu besar", response.json()["detail"])
