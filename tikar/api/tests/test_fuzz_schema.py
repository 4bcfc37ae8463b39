"""A bounded fuzzing run over the OpenAPI description: no request answers 5xx (issue 8, 3).

Schemathesis generates requests for every operation of /api/schema/ (valid and invalid
bodies, query strings and path values: wrong types, huge numbers, odd strings, NUL), and each is
sent through Django's test client logged in as Sari, the KPM of Sibargot, with a register
to write to. Half of the requests that name a record use one of Sari's real ids, so the
write paths are reached, not only their 404. Every request runs in a savepoint that is rolled
back, so one case never changes the next one's data (and a database error cannot leave the
PostgreSQL transaction aborted for the rest of the run).

Bounded in time: `FUZZ_SECONDS` (default 90 s on the whole run) divided over the operations,
each with at most `FUZZ_EXAMPLES` cases (default 60). Set the environment variables for a
longer run (the issue's sweep was about 12,000 cases).
"""

from __future__ import annotations

import contextlib
import json
import os
import time

import schemathesis
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.core import NotSet

from tikar.api.tests.base import ApiTestCase

FUZZ_SECONDS = float(os.environ.get("FUZZ_SECONDS", "90"))
FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "60"))


class FuzzSchemaTests(ApiTestCase):
    def real_ids(self) -> dict[str, list[str]]:
        """Sari's records by the first path segment of their endpoint."""
        from tikar.monitoring.models import Conflict

        conflict = Conflict.objects.create(
            village=self.sibargot,
            record_type="monitoring.childvisit",
            record_id=self.sari_visit.pk,
            target_type="child",
            target_id=self.sari_child.pk,
            month=self.sari_visit.month,
            server_version=1,
            client_fields={"home_visit": False},
            conflicting_fields=["home_visit"],
        )
        return {
            "households": [str(self.sari_household.pk)],
            "mothers": [str(self.sari_mother.pk)],
            "pregnancies": [str(self.sari_pregnancy.pk)],
            "children": [str(self.sari_child.pk)],
            "child-visits": [str(self.sari_visit.pk)],
            "pregnancy-visits": [str(self.sari_anc.pk)],
            "conflicts": [str(conflict.pk)],
            "regions": [self.sibargot.code],
            "posyandu": [str(self.melati.pk)],
            "scorecards": [self.sibargot.code],
        }

    def send(self, client: Client, case, real: dict[str, list[str]], use_real: bool):
        given = case.path_parameters
        path_parameters = dict(given) if isinstance(given, dict) else {}
        segment = case.path.strip("/").split("/")[1] if case.path.count("/") > 1 else ""
        if use_real and segment in real:
            for name in path_parameters:
                if name in ("id", "village_code"):
                    path_parameters[name] = real[segment][0]
                elif name == "year":
                    path_parameters[name] = 2026
                elif name == "quarter":
                    path_parameters[name] = 2
        path = case.path
        for name, value in path_parameters.items():
            path = path.replace("{" + name + "}", str(value))
        body, content_type = b"", "application/json"
        has_body = case.body is not None and not isinstance(case.body, NotSet)
        if case.method.upper() in ("POST", "PUT", "PATCH") and has_body:
            body = case.body if isinstance(case.body, bytes | str) else json.dumps(case.body)
            content_type = case.media_type or content_type
        raw_query = case.query if isinstance(case.query, dict) else {}
        query = {k: v for k, v in raw_query.items() if v is not None}
        with transaction.atomic():
            response = client.generic(
                case.method.upper(), path, body, content_type, query_params=query
            )
            transaction.set_rollback(True)
        return path, response

    def test_it_answers_no_5xx_to_generated_requests(self) -> None:
        self.login(self.sari)
        raw = self.client.get("/api/schema/", {"format": "json"})
        self.assertEqual(raw.status_code, 200)
        schema = schemathesis.openapi.from_dict(json.loads(raw.content))
        real = self.real_ids()
        client = Client(raise_request_exception=False)
        client.force_login(self.sari)
        operations = [op.ok() for op in schema.get_all_operations()]
        self.assertGreater(len(operations), 20)
        budget = FUZZ_SECONDS / len(operations)
        failures: dict[tuple[str, str, int], str] = {}
        sent = 0

        def runner(operation, started: float):
            # Valid and invalid requests alike (NEGATIVE: wrong types, missing or extra fields,
            # values outside the schema), so the refusals are fuzzed, not only the happy path.
            cases = operation.as_strategy(GenerationMode.POSITIVE) | operation.as_strategy(
                GenerationMode.NEGATIVE
            )

            @settings(
                max_examples=FUZZ_EXAMPLES,
                deadline=None,
                database=None,
                derandomize=True,
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=list(HealthCheck),
            )
            @given(case=cases, use_real=st.booleans())
            def run(case, use_real) -> None:
                nonlocal sent
                if time.monotonic() - started > budget:
                    return
                path, response = self.send(client, case, real, use_real)
                sent += 1
                if response.status_code >= 500:
                    key = (case.method.upper(), operation.path, response.status_code)
                    exc = getattr(response, "exc_info", None)
                    failures.setdefault(
                        key,
                        f"{path} body={case.body!r} query={case.query!r} "
                        f"error={exc[1] if exc else response.content[:200]!r}",
                    )

            return run

        for operation in operations:
            run = runner(operation, time.monotonic())

            with contextlib.suppress(Unsatisfiable):
                run()
        self.assertGreaterEqual(sent, len(operations))  # at least one each, however loaded
        self.assertEqual(failures, {}, "\n".join(f"{k}: {v}" for k, v in failures.items()))
