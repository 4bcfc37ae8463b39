"""The phone refuses what the server refuses, with the same words (issue 9, item 7).

Every case of `validation_cases.CASES` runs on the server twice, against the database: through
the REST endpoint of its kind (serializer, model validation, `record_month`) and through
`POST /api/sync/`, what the phone sends its outbox to; and on the phone's rules.js in headless
Chromium. Both must accept, or both refuse with the same fields and the same messages; the NIK
warnings the server lists must be the phone's too. The server must also do what the case says
it does, so a table that both sides got wrong the same way still fails.
"""

from __future__ import annotations

from collections import Counter

import pytest

from tikar.browser import chromium_available
from tikar.conftest import BROWSER_SKIP_REASON
from tikar.sync.download import KIND_MODELS
from tikar.test import BaseTestCase

from .shared_validation_harness import rules_page, run_on_phone, run_on_server
from .validation_cases import CASES, OK, ONE_PER_MONTH

KINDS = set(KIND_MODELS)  # every kind of the protocol has cases


def _server_expectation_problem(case, server) -> str | None:
    """Why the server's answer is not what the case says, or None."""
    if case.expect == OK:
        if server["errors"]:
            return f"server refused: {server['errors']}"
    elif case.expect == ONE_PER_MONTH:
        if server["errors"]:
            return f"server refused: {server['errors']}"
        if server["month_records"] != 1 or server["record_id"] != server["ids"]["existing0"]:
            return "server did not merge the second record into the month's record"
    else:
        wanted = {case.expect} if isinstance(case.expect, str) else set(case.expect)
        if set(server["errors"]) != wanted:
            return f"server refused {sorted(server['errors'])}, the case says {sorted(wanted)}"
    if case.warn and case.warn not in {w["code"] for w in server["warnings"]}:
        return f"server did not warn {case.warn}: {server['warnings']}"
    return None


def _disagreement(case, server, phone) -> str | None:
    """How the phone's answer differs from the server's, or None."""
    if "exception" in phone:
        return f"rules.js threw: {phone['exception']}"
    if case.expect == ONE_PER_MONTH:
        # The server keeps one record by merging; the phone must refuse the second record of
        # the month on `month`, naming the month, so the KPM opens the existing one.
        if list(phone["errors"]) != ["month"]:
            return f"phone did not refuse the second record of the month: {phone['errors']}"
        return None
    if phone["errors"] != server["errors"]:
        return f"errors differ\n  server: {server['errors']}\n  phone:  {phone['errors']}"
    phone_nik = [w for w in phone["warnings"] if w["code"].startswith(("nik", "temp"))]
    if phone_nik != server["warnings"]:
        return f"warnings differ\n  server: {server['warnings']}\n  phone:  {phone_nik}"
    return None


@pytest.mark.skipif(not chromium_available(), reason=BROWSER_SKIP_REASON)
class SharedValidationAgreementTests(BaseTestCase):
    maxDiff = None

    def test_it_covers_every_kind_with_good_and_bad_inputs(self) -> None:
        self.assertGreaterEqual(len(CASES), 80)
        accepted = Counter(c.kind for c in CASES if c.expect == OK)
        refused = Counter(c.kind for c in CASES if c.expect != OK)
        self.assertEqual(set(accepted), KINDS)
        self.assertEqual(set(refused), KINDS)
        self.assertEqual(len({c.name for c in CASES}), len(CASES), "case names are unique")

    def _check_every_case(self, via: str) -> None:
        self.client.force_login(self.sari)
        cases = [case for case in CASES if case.only in (None, via)]
        runs = [run_on_server(case, self.client, self.sibargot, via) for case in cases]
        with rules_page() as page:
            inputs = [
                {"kind": c.kind, "fields": r["fields"], "ctx": r["ctx"]}
                for c, r in zip(cases, runs, strict=True)
            ]
            phone = run_on_phone(page, inputs)
        problems = []
        for case, run, answer in zip(cases, runs, phone, strict=True):
            why = _server_expectation_problem(case, run["server"]) or _disagreement(
                case, run["server"], answer
            )
            if why:
                problems.append(f"{case.name} ({case.kind}): {why}")
        self.assertEqual(problems, [], "\n".join(problems))

    def test_it_judges_every_case_on_the_phone_as_the_api_does(self) -> None:
        self._check_every_case("api")

    def test_it_judges_every_case_on_the_phone_as_the_sync_does(self) -> None:
        # What the phone actually talks to: POST /api/sync/ (tikar/sync/protocol.py).
        self._check_every_case("sync")
