"""What the phone's posyandu rules read from the server: rules.json's `growth` (the KBM tables
with their sources, the balita months, the weighing-only fields, KEK, the immunisation
schedule) and, in the shell's config, the user's kabupaten's own KBM table and PNC standard."""

from __future__ import annotations

import json

from tikar.calendar import BALITA_MONTHS
from tikar.growth.models import GrowthStandard
from tikar.growth.weighing import DEFAULT_KBM_TABLE, kbm_tables
from tikar.monitoring import rules
from tikar.posyandu.attention import immunisation_schedule
from tikar.test import BaseTestCase


class WeighingRulesJsonTests(BaseTestCase):
    def test_it_carries_the_kbm_tables_and_balita_constants(self) -> None:
        growth = self.client.get("/lapangan/data/rules.json").json()["growth"]
        self.assertEqual(growth["kbm_default"], DEFAULT_KBM_TABLE)
        self.assertEqual(
            {k: v["grams"] for k, v in growth["kbm_tables"].items()},
            {k: list(t.grams) for k, t in kbm_tables().items()},
        )
        self.assertTrue(all(v["source"] for v in growth["kbm_tables"].values()))
        self.assertEqual(growth["balita_months"], list(BALITA_MONTHS))
        self.assertEqual(set(growth["weighing_only_fields"]), set(rules.WEIGHING_ONLY_FIELDS))
        self.assertEqual(growth["kek_muac_below"], 23.5)
        source, doses = immunisation_schedule()
        self.assertEqual(growth["immunisation"]["source"], source)
        self.assertEqual(len(growth["immunisation"]["doses"]), len(doses))

    def test_it_gives_the_shell_the_kabupatens_own_kbm_table(self) -> None:
        other = next(k for k in kbm_tables() if k != DEFAULT_KBM_TABLE)
        regency = self.sibargot.parent.parent
        GrowthStandard.objects.create(regency=regency, kbm_table=other)
        self.login(self.sari)
        response = self.client.get("/lapangan/")
        text = response.content.decode()
        start = text.index('id="field-config"')
        body = text[text.index(">", start) + 1 : text.index("</script>", start)]
        user = json.loads(body)["user"]
        self.assertEqual(user["kbm_table"], other)
        self.assertIn(user["pnc_standard"], (3, 4))
        self.assertFalse(user["mat_cutoffs"]["verified"])
