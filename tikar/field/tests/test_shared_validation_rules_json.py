"""/lapangan/data/rules.json: the server's rules as data, one source, cacheable (issue 9, 7)."""

from __future__ import annotations

import gzip
from unittest import mock

from tikar.field import checks
from tikar.households import nik
from tikar.households.validation import kecamatan_codes
from tikar.monitoring import rules
from tikar.test import BaseTestCase

URL = "/lapangan/data/rules.json"


class RulesJsonTests(BaseTestCase):
    def test_it_answers_without_login_as_public_cacheable_json(self) -> None:
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/json; charset=utf-8")
        cache_control = response["Cache-Control"]
        self.assertIn("public", cache_control)
        self.assertIn("max-age=3600", cache_control)
        self.assertNotIn("no-store", cache_control)
        self.assertEqual(response["ETag"], f'"{response.json()["version"]}"')

    def test_it_answers_304_to_the_version_the_phone_has(self) -> None:
        etag = self.client.get(URL)["ETag"]
        again = self.client.get(URL, headers={"If-None-Match": etag})
        self.assertEqual(again.status_code, 304)
        self.assertEqual(again.content, b"")
        other = self.client.get(URL, headers={"If-None-Match": '"0000"'})
        self.assertEqual(other.status_code, 200)

    def test_it_gives_a_logged_in_user_the_same_rules(self) -> None:
        anonymous = self.client.get(URL).json()
        self.login(self.sari)
        self.assertEqual(self.client.get(URL).json(), anonymous)

    def test_it_is_built_from_the_server_constants(self) -> None:
        data = self.client.get(URL).json()
        self.assertEqual(data["child_limits"], {k: list(v) for k, v in rules.CHILD_LIMITS.items()})
        self.assertEqual(data["mother_muac_limits"], list(rules.MOTHER_MUAC_LIMITS))
        self.assertEqual(data["cohorts"], {"2b": [0, 24], "2c": [24, 72]})
        self.assertEqual(data["nik"]["length"], nik.NIK_LENGTH)
        self.assertEqual(data["nik"]["female_day_offset"], nik.FEMALE_DAY_OFFSET)
        codes = {
            prefix + tails[i : i + 2]
            for prefix, tails in data["nik"]["kecamatan"].items()
            for i in range(0, len(tails), 2)
        }
        self.assertEqual(codes, set(kecamatan_codes()))
        self.assertIn("121007", codes)  # Bilah Barat

    def test_it_carries_the_server_messages_in_indonesian(self) -> None:
        data = self.client.get(URL).json()
        weight = data["fields"]["child_visit"]["weight_kg"]
        self.assertEqual(weight["min_value"], 0.1)
        self.assertEqual(weight["messages"]["min_value"], "Nilai ini paling kecil 0.1.")
        self.assertEqual(
            data["messages"]["month_taken"],
            "%(month)s sudah dicatat untuk sasaran ini. Buka catatan bulan itu dan ubah di sana.",
        )
        self.assertEqual(data["months"][4], "Mei")

    def test_it_gets_a_new_version_when_a_rule_changes(self) -> None:
        before = self.client.get(URL).json()["version"]
        changed = dict(rules.CHILD_LIMITS, weight_kg=(0.5, 30.0, "Berat badan", "kg"))
        try:
            with mock.patch.object(rules, "CHILD_LIMITS", changed):
                checks._rules_body.cache_clear()
                data = self.client.get(URL).json()
        finally:
            checks._rules_body.cache_clear()
        self.assertNotEqual(data["version"], before)
        self.assertEqual(data["child_limits"]["weight_kg"][0], 0.5)

    def test_it_stays_small_for_the_first_download(self) -> None:
        # The first download aims under 300 KB (issue 9): the rules, with every kecamatan code
        # of the country for the NIK check, are a small part of it.
        body = self.client.get(URL).content
        self.assertLess(len(gzip.compress(body)), 10_000)  # about 5 KB: 43 KB before gzip
