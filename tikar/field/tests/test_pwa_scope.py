"""What the phone holds is Sari's desa and nothing of the neighbouring desa: checked by reading
IndexedDB inside the page after the first download."""

from tikar.browser import login
from tikar.field.tests.pwa import open_field_app, server_json
from tikar.front.demo import DEMO_PASSWORD
from tikar.sync.download import KIND_MODELS

SIBARGOT = "12.10.07.2001"
KINDS = list(KIND_MODELS)  # the protocol's kinds, one IndexedDB table each


class TestPwaScope:
    def test_it_holds_only_the_users_desa(self, live_app, chromium, phone):
        # Budi's desa's households, as Budi sees them through the API.
        other = chromium.new_context()
        budi = other.new_page()
        login(budi, live_app, "budi", DEMO_PASSWORD)
        budi_ids = {h["id"] for h in server_json(budi, "/api/households/?page_size=500")["results"]}
        other.close()
        assert budi_ids, "the demo should give Budi's desa households"

        open_field_app(phone, live_app)
        dump = phone.evaluate(
            """async (kinds) => { const {store} = await window.tikarField; const out = {};
                 for (const k of kinds) out[k] = await store.all(k);
                 out._dbs = (await indexedDB.databases()).map(d => d.name);
                 out._ref = await store.meta.get('reference'); return out; }""",
            KINDS,
        )
        assert dump["_dbs"] == [f"tikar-sari-{SIBARGOT}"]
        assert dump["_ref"]["village"]["code"] == SIBARGOT
        assert len(dump["household"]) > 0 and len(dump["child"]) > 0
        for kind in ("household", "mother", "pregnancy", "child"):
            for rec in dump[kind]:
                assert rec["fields"].get("village", SIBARGOT) == SIBARGOT, (kind, rec["id"])
                assert rec["state"] == "sent"
        assert not budi_ids & {h["id"] for h in dump["household"]}
        # Monthly records belong to targets the phone holds.
        targets = {r["id"] for r in dump["pregnancy"] + dump["child"]}
        for kind in ("pregnancy_visit", "child_visit", "paud_record"):
            for rec in dump[kind]:
                assert rec["fields"]["target"] in targets
