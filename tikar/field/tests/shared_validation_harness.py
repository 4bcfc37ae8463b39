"""Runs a `validation_cases.Case` on the server and on the phone's rules.js (not a test module).

Server: the world of the case is stored (without validation, as data already in the
register), then the record is sent to the real REST endpoint of its kind as Sari (KPM of
Sibargot), with the server's clock pinned to the case's day; the answer is reduced to
accepted / {field: [messages]} / warnings. Everything is rolled back after each case.

Phone: rules.js runs in headless Chromium, imported as an ES module from a made-up origin that
Playwright answers (no server process): the module file of the repository and the exact bytes
of `/lapangan/data/rules.json` from the view. Each case's context (`ctx`) is built from the same
stored world, in the shapes the phone holds (the API's representation of each record).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any
from unittest import mock
from urllib.parse import urlparse
from uuid import uuid4

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.test import Client

from tikar.api import serializers as s
from tikar.browser import browser
from tikar.field import checks
from tikar.households.models import Child, Household, Mother, Pregnancy
from tikar.monitoring.models import ChildVisit, PaudRecord, PregnancyVisit

from .validation_cases import WORLD, Case

ORIGIN = "http://tikar-rules.test"
JS_FILE = Path(checks.__file__).resolve().parent / "static" / "field" / "rules.js"

ENDPOINTS = {
    "household": "/api/households/",
    "mother": "/api/mothers/",
    "pregnancy": "/api/pregnancies/",
    "child": "/api/children/",
    "pregnancy_visit": "/api/pregnancy-visits/",
    "child_visit": "/api/child-visits/",
    "paud_record": "/api/paud-records/",
}
MONTHLY = {
    "pregnancy_visit": (PregnancyVisit, "pregnancy", s.PregnancyVisitSerializer),
    "child_visit": (ChildVisit, "child", s.ChildVisitSerializer),
    "paud_record": (PaudRecord, "child", s.PaudRecordSerializer),
}
REGISTER = {
    "household": (Household, s.HouseholdSerializer),
    "mother": (Mother, s.MotherSerializer),
    "pregnancy": (Pregnancy, s.PregnancySerializer),
    "child": (Child, s.ChildSerializer),
}
_DATE_FIELDS = {"birth_date", "due_date", "delivery_date", "closed_at", "month", "visit_date"}
_FOREIGN_KEYS = {"household", "mother", "born_from", "pregnancy", "child"}


def plain(data: Any) -> Any:
    """JSON-able plain values (UUIDs and decimals as the API writes them)."""
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def resolve(value: Any, ids: dict[str, str]) -> Any:
    if isinstance(value, str) and value.startswith("$"):
        return str(uuid4()) if value == "$new" else ids[value[1:]]
    return value


def _model_values(values: dict[str, Any], ids: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in values.items():
        value = resolve(value, ids)
        if name in _FOREIGN_KEYS:
            out[f"{name}_id"] = value
        elif name in _DATE_FIELDS and isinstance(value, str):
            out[name] = date.fromisoformat(value)
        elif isinstance(value, float):
            out[name] = Decimal(str(value))
        else:
            out[name] = value
    return out


def build_world(case: Case, village) -> dict[str, Any]:
    """Store the case's register; returns {"ids": {...}, "rows": {name: model instance}}."""
    spec = {name: dict(values) for name, values in WORLD.items()}
    for name, values in case.world.items():
        spec[name].update(values)
    ids: dict[str, str] = {}
    rows: dict[str, Any] = {}
    order = [
        ("household", Household),
        ("household2", Household),
        ("mother", Mother),
        ("mother2", Mother),
        ("pregnancy", Pregnancy),
        ("child", Child),
    ]
    for name, model in order:
        row = model(village=village, **_model_values(spec[name], ids))
        row.save()
        ids[name] = str(row.pk)
        rows[name] = row
    kinds = {"pregnancy_visit": "pregnancy", "child_visit": "child", "paud_record": "child"}
    for i, (kind, values) in enumerate(case.existing):
        model, target_field, _serializer = MONTHLY[kind]
        target = rows[kinds[kind]]
        record = model(village=village, **{target_field: target}, **_model_values(values, ids))
        record.save()
        ids[f"existing{i}"] = str(record.pk)
    return {"ids": ids, "rows": rows}


def _monthly_shape(kind: str, record) -> dict[str, Any]:
    """A monthly record as the phone holds it: the API's fields plus `target`."""
    _model, target_field, serializer = MONTHLY[kind]
    data = plain(serializer(record).data)
    data["target"] = data[target_field]
    return data


def phone_context(case: Case, world: dict[str, Any]) -> dict[str, Any]:
    """What the phone holds when the KPM saves the case's record (contract.md `ctx`)."""
    rows = world["rows"]
    records: dict[str, list[dict[str, Any]]] = {}
    for kind, (model, serializer) in REGISTER.items():
        rows_of_kind = model.objects.filter(
            pk__in=[r.pk for r in rows.values() if isinstance(r, model)]
        )
        records[kind] = [plain(serializer(r).data) for r in rows_of_kind]
    for kind, (model, _field, _serializer) in MONTHLY.items():
        records[kind] = [_monthly_shape(kind, r) for r in model.objects.all()]
    by_id = {r["id"]: r for kind in REGISTER for r in records[kind]}
    ctx: dict[str, Any] = {"today": case.today, "records": records}
    if case.kind in MONTHLY:
        target_kind = MONTHLY[case.kind][1]
        target_id = str(rows[target_kind].pk)
        ctx["target"] = by_id[target_id]
        ctx["existing"] = [r for kind in MONTHLY for r in records[kind] if r["target"] == target_id]
    if case.update:
        stored = by_id[str(rows[case.kind].pk)]
        ctx["stored"] = stored
        if case.kind == "child":
            ctx["existing"] = [
                r for kind in MONTHLY for r in records[kind] if r["target"] == stored["id"]
            ]
    return ctx


def case_fields(case: Case, ids: dict[str, str], world: dict[str, Any]) -> dict[str, Any]:
    """The wire fields of the case (placeholders resolved); for an edit, the whole record."""
    fields = {name: resolve(value, ids) for name, value in case.fields.items()}
    if case.kind in MONTHLY and "target" not in fields:
        fields["target"] = ids[MONTHLY[case.kind][1]]
    return fields


def _nik_warnings(case: Case, warnings: list[Any]) -> list[dict[str, str]]:
    """The NIK / temporary-number warnings of an answer (the phone's NIK checks' output)."""
    if case.kind not in ("mother", "child"):
        return []
    return [
        {"field": w["field"], "code": w["code"], "message": w["message"]}
        for w in warnings or []
        if isinstance(w, dict) and w.get("code", "").startswith(("nik", "temp"))
    ]


def _post_api(case: Case, client: Client, fields: dict[str, Any], world) -> dict[str, Any]:
    """The REST endpoint of the kind: {accepted, errors, warnings, record_id}."""
    body = dict(fields, confirm_warnings=True)
    url = ENDPOINTS[case.kind]
    if case.kind in MONTHLY:
        body[MONTHLY[case.kind][1]] = body.pop("target")
    if case.update:
        row = world["rows"][case.kind]
        body["base_version"] = row.version
        response = client.patch(f"{url}{row.pk}/", body, content_type="application/json")
    else:
        response = client.post(url, body, content_type="application/json")
    answer = response.json()
    if response.status_code not in (200, 201):
        errors = {k: v for k, v in answer.items() if k not in ("warnings", "confirm_warnings")}
        return {"errors": errors, "warnings": [], "record_id": None}
    record = answer["record"] if case.kind in MONTHLY else answer
    return {
        "errors": {},
        "warnings": _nik_warnings(case, answer.get("warnings")),
        "record_id": record["id"],
    }


def _post_sync(case: Case, client: Client, fields: dict[str, Any], world) -> dict[str, Any]:
    """One operation through POST /api/sync/, as the phone sends it (contract.md)."""
    op_fields = dict(fields)
    record_id = op_fields.pop("id", None)
    base_version = None
    if case.update:
        row = world["rows"][case.kind]
        record_id, base_version = str(row.pk), row.version
    operation = {
        "op_id": str(uuid4()),
        "kind": case.kind,
        "action": "upsert",
        "id": record_id or str(uuid4()),
        "base_version": base_version,
        "fields": op_fields,
    }
    body = {"device_id": "validation-table", "operations": [operation]}
    response = client.post("/api/sync/", body, content_type="application/json")
    assert response.status_code == 200, (response.status_code, response.content[:500])
    result = response.json()["results"][0]
    if result["outcome"] == "refused":
        return {"errors": result["errors"], "warnings": [], "record_id": None}
    return {
        "errors": {},
        "warnings": _nik_warnings(case, result.get("warnings")),
        "record_id": result["id"],
    }


def run_on_server(case: Case, client: Client, village, via: str = "api") -> dict[str, Any]:
    """Send the case to the server (`via` "api": its REST endpoint; "sync": POST /api/sync/),
    rolled back afterwards. Returns the server's result and the phone's input for the case."""
    day = date.fromisoformat(case.today)
    with mock.patch("django.utils.timezone.localdate", return_value=day), transaction.atomic():
        world = build_world(case, village)
        ids = world["ids"]
        fields = case_fields(case, ids, world)
        ctx = phone_context(case, world)
        phone_fields = {**ctx["stored"], **fields} if case.update else fields
        post = _post_sync if via == "sync" else _post_api
        result = post(case, client, fields, world)
        if case.kind in MONTHLY and result["record_id"]:
            model, target_field, _serializer = MONTHLY[case.kind]
            record = model.objects.get(pk=result["record_id"])
            target = getattr(record, f"{target_field}_id")
            result["month_records"] = (
                model.objects.alive()
                .filter(**{f"{target_field}_id": target}, month=record.month)
                .count()
            )
        result["ids"] = ids
        transaction.set_rollback(True)
    return {"server": result, "fields": phone_fields, "ctx": ctx}


def _server(rules_body: bytes):
    """Playwright's answers for the made-up origin. The rules are built before the browser
    starts: Playwright's handlers run in an event loop, where Django refuses database reads."""

    def serve(route) -> None:
        path = urlparse(route.request.url).path
        if path == "/static/field/rules.js":
            route.fulfill(status=200, body=JS_FILE.read_bytes(), content_type="text/javascript")
        elif path == "/lapangan/data/rules.json":
            route.fulfill(status=200, body=rules_body, content_type="application/json")
        elif path == "/":
            html = "<!doctype html><title>rules.js</title>"
            route.fulfill(status=200, body=html, content_type="text/html")
        else:
            route.fulfill(status=404, body="")

    return serve


@contextlib.contextmanager
def rules_page() -> Iterator[Any]:
    """A Chromium page with rules.js imported and rules.json loaded (window.rules)."""
    body, _version = checks.built("id")
    with browser() as b:
        page = b.new_page()
        page.set_default_timeout(30_000)
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.route(ORIGIN + "/**", _server(body))
        page.goto(ORIGIN + "/")
        page.evaluate(
            """async () => {
                const rules = await import('/static/field/rules.js');
                const answer = await fetch('/lapangan/data/rules.json', {credentials: 'omit'});
                rules.loadRules(await answer.json());
                window.rules = rules;
            }"""
        )
        yield page
        assert errors == [], errors


def run_on_phone(page, inputs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """checkRecord for each {kind, fields, ctx}; exceptions come back as {"exception": text}."""
    return page.evaluate(
        """inputs => inputs.map(({kind, fields, ctx}) => {
            try { return window.rules.checkRecord(kind, fields, ctx); }
            catch (e) { return {exception: String(e && e.stack || e)}; }
        })""",
        inputs,
    )
