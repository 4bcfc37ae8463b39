"""One bad operation never blocks the rest, and no input gives a 500."""

from __future__ import annotations

from uuid import uuid4

from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tikar.households.models import Household

from .sync_helpers import SYNC_URL, SyncTestCase, op

MALFORMED = [
    None,
    1,
    "x",
    [],
    {},
    {"op_id": "nope", "kind": "household", "id": str(uuid4()), "fields": {}},
    {"op_id": str(uuid4()), "kind": "ghost", "id": str(uuid4()), "fields": {}},
    {"op_id": str(uuid4()), "kind": "household", "id": "1", "fields": {}},
    {"op_id": str(uuid4()), "kind": "household", "id": str(uuid4()), "fields": []},
    {"op_id": str(uuid4()), "kind": "household", "action": "drop", "id": str(uuid4())},
    op("household", {"head_name": "Pak"}, base_version=-1),
    op("household", {"head_name": "Pak"}, base_version=True),
    op("household", {"head_name": "Pak"}, base_version=2**40),
    op("household", {"head_name": "x" * 5000}),
    op("household", {"head_name": ""}),
    op("household", {"head_name": "Pak", "posyandu": "abc"}),
    op("household", {"head_name": "Pak", "posyandu": 10**30}),
    op("household", {"head_name": "Pak", "safe_water": "kadang"}),
    op("household", {"head_name": ["Pak"]}),
    op("household", {"head_name": {"a": 1}}),
    op("mother", {"household": "not-a-uuid", "name": "Bu"}),
    op("mother", {"household": str(uuid4()), "name": "Bu", "nik": "12"}),
    op("child", {"name": "Anak", "sex": "X", "birth_date": "kemarin"}),
    op("child_visit", {"month": "2026-05-01"}),
    op("child_visit", {"target": "abc", "month": "2026-05-01"}),
    op("child_visit", {"target": str(uuid4()), "month": "2026-05-01"}),
    op("pregnancy_visit", {"target": str(uuid4()), "month": "bulan lalu"}),
    op("paud_record", {"target": str(uuid4()), "month": "2026-05-01", "status": "?"}),
    op("child_visit", action="delete"),
]


class BadOperationTests(SyncTestCase):
    def test_it_refuses_each_malformed_operation_in_words_and_applies_the_good_ones(self) -> None:
        good = op("household", {"head_name": "Pak Baik"})
        fields = {"target": str(self.sari_child.pk), "month": "2026-05-01"}
        monthly = op("child_visit", fields | {"weight_kg": "berat"}, id=self.sari_visit.pk)
        batch = [*MALFORMED, good, monthly]
        results = self.sync(*batch)["results"]
        self.assertEqual(len(results), len(batch))
        for raw, result in zip(batch, results, strict=True):
            if raw is good:
                self.assertEqual(result["outcome"], "applied", result)
                continue
            self.assertEqual(result["outcome"], "refused", (raw, result))
            self.assertTrue(result["errors"], result)
            for messages in result["errors"].values():
                self.assertTrue(all(isinstance(m, str) and m for m in messages))
        self.assertTrue(Household.objects.filter(head_name="Pak Baik").exists())

    def test_it_refuses_a_body_that_is_not_a_batch(self) -> None:
        self.login(self.sari)
        for body in ([], {"operations": {}}, {"operations": [], "device_id": 5}):
            response = self.post(SYNC_URL, body)
            self.assertEqual(response.status_code, 400, body)

    def test_it_refuses_more_than_200_operations_in_words(self) -> None:
        self.login(self.sari)
        response = self.post(SYNC_URL, {"operations": [{}] * 201})
        self.assertEqual(response.status_code, 400)
        self.assertIn("200", response.json()["operations"][0])
        self.assertIn("operasi", response.json()["operations"][0])

    def test_it_never_fails_on_generated_operations(self) -> None:
        self.login(self.sari)
        value = st.one_of(
            st.none(),
            st.booleans(),
            st.integers(),
            st.floats(allow_nan=False, allow_infinity=False),
            st.text(max_size=20),
            st.just("2026-05-01"),
            st.just(str(self.sari_child.pk)),
            st.just(str(self.sari_household.pk)),
        )
        names = st.sampled_from(
            [
                "head_name",
                "target",
                "month",
                "weight_kg",
                "household",
                "birth_date",
                "name",
                "sex",
                "posyandu",
                "status",
                "visit_date",
                "mother",
            ]
        )
        operation = st.fixed_dictionaries(
            {
                "op_id": st.one_of(st.uuids().map(str), st.text(max_size=3)),
                "kind": st.sampled_from(
                    ["household", "mother", "child", "child_visit", "paud_record", "x"]
                ),
                "action": st.sampled_from(["upsert", "delete", 1]),
                "id": st.one_of(
                    st.uuids().map(str),
                    st.integers(),
                    st.just(str(self.sari_visit.pk)),
                    st.just(str(self.budi_visit.pk)),
                ),
                "base_version": st.one_of(st.none(), st.integers(), st.booleans()),
                "fields": st.one_of(st.dictionaries(names, value), st.integers()),
            }
        )
        batches = st.lists(
            st.one_of(st.none(), st.integers(), st.text(max_size=5), operation), max_size=5
        )

        @settings(
            max_examples=60,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        @given(operations=batches)
        def run(operations) -> None:
            with transaction.atomic():
                response = self.post(SYNC_URL, {"device_id": "fuzz", "operations": operations})
                transaction.set_rollback(True)
            self.assertEqual(response.status_code, 200, response.content)
            results = response.json()["results"]
            self.assertEqual(len(results), len(operations))
            for result in results:
                self.assertIn(
                    result["outcome"],
                    {"applied", "already_applied", "merged", "conflict", "refused"},
                )

        run()
