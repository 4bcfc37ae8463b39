"""Chaos benchmark of the sync upload: nothing lost, nothing applied twice (issue 9).

A real server process (gunicorn, DEBUG off) on PostgreSQL behind a fault-injecting proxy,
and N simulated phones (3 by default: Sari, a second KPM and the Admin Desa of Sibargot,
logged in through the login page) that do a desa's work offline and replay it through
`POST /api/sync/` as the field app does: every saved form becomes an outbox operation with its
own op_id and the record's client-made UUID; an operation leaves the outbox only when an
answer for it arrives; batches of at most 50.

The operations (10,000 by default, spread over the devices): creates of households, mothers,
pregnancies and children (parents before children), Formulir 2a / 2b / 2c records of the
targets the server already has, updates with `base_version` (the whole form, as the phone
sends it), deletions of monthly records, and about 5% "pairs": two devices that both create
the same target and month offline with different UUIDs and partly different values.

Faults, injected on every side:
- proxy: 500 without forwarding; forward then 500; forward then close the connection without
  an answer (a lost response); every `--kill-every`-th sync request after the last restart,
  the server's whole process group is SIGKILLed while that request is in flight and
  restarted; while it is down the harness counts how many operations of the killed batch
  had committed (printed: batches cut in the middle);
- device: a short client timeout (the request goes on on the server, the phone gives up); an
  answer received and dropped (the phone died before storing it); the same batch sent twice
  in a row; batches composed out of outbox order (dependencies respected, as they must be);
  an old, already answered batch replayed later (a duplicated, delayed request): its answers
  must be the stored answers of the first run.

An answer is an acknowledgement whatever its outcome (a refusal too: the phone then shows
the reason), except a result marked `"retry": true` (the server failed, not the data), which
stays in the outbox.

At the end the database is checked for every intended operation (SQL, as an outside
observer): each record exists once with the intended values and exactly the expected number
of versions (a create is version 1, each update and delete one more); a pair leaves one live
record of its target and month whose every field holds one device's value, the other's being
kept in a Conflict (a null, "not asked", is satisfied by the other phone's answer); no row
the devices did not make. Printed: operations, applied exactly
once, lost, duplicated, conflicts stored, and the time. The figure must be 0 lost and 0
duplicated (exit status 1 otherwise).

Run: `.venv/bin/python bench/sync_chaos.py [--ops 10000] [--devices 3 (1-5)] [--seed 1]
[--kill-every 40] [--database-url postgres://postgres@127.0.0.1:5432/tikar_bench_sync]`.
The database is dropped and created (migrated, demo users and posyandu) by the script.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from sync_common import (  # noqa: E402
    DESA,
    Client,
    Faults,
    HttpError,
    Proxy,
    Server,
    drop_database,
    fresh_database,
    server_env,
)

from tikar.monitoring import rules  # noqa: E402  (pure: no Django)

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/tikar_bench_sync"
BATCH = 50  # what the phone sends per request (contract: at most 200); run_chaos(batch=)
USERS = ["sari", "kpm2.sibargot", "admin.sibargot", "kpm3.sibargot", "kpm4.sibargot"]
MONTHLY_TABLES = {
    "pregnancy_visit": ("monitoring_pregnancyvisit", "pregnancy_id"),
    "child_visit": ("monitoring_childvisit", "child_id"),
    "paud_record": ("monitoring_paudrecord", "child_id"),
}
TABLES = {
    "household": "households_household",
    "mother": "households_mother",
    "pregnancy": "households_pregnancy",
    "child": "households_child",
    **{kind: table for kind, (table, _) in MONTHLY_TABLES.items()},
}
KIND_OF_FORM = {rules.FORM_2B: "child_visit", rules.FORM_2C: "paud_record"}
FORM_OF_KIND = {"pregnancy_visit": rules.FORM_2A, "child_visit": rules.FORM_2B}
FORM_OF_KIND["paud_record"] = rules.FORM_2C
OUTCOMES = ("applied", "already_applied", "merged", "conflict", "refused")
GIVE_UP_ATTEMPTS = 80  # a phone would keep trying; the benchmark reports it as never answered


def jakarta_today() -> date:
    return datetime.now(ZoneInfo("Asia/Jakarta")).date()


def month_end(month: date) -> date:
    return (month.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def add_months(month: date, n: int) -> date:
    y, m = divmod(month.year * 12 + month.month - 1 + n, 12)
    return date(y, m + 1, 1)


# --------------------------------------------------------------------------------------------
# What the devices intend


@dataclass
class Record:
    """One record as its device means it: the fields it last sent and the version expected."""

    kind: str
    id: str
    device: str
    fields: dict[str, Any]
    expected_version: int = 1
    deleted: bool = False
    pair: Pair | None = None
    server_id: str | None = None  # differs from id when a create merged into another record
    server_version: int | None = None  # the version of the last answer
    pending: bool = True  # an operation of it is in the outbox
    refused: bool = False
    ops: list[Op] = field(default_factory=list)


@dataclass
class Pair:
    """Two devices creating the same target and month offline."""

    kind: str
    target: str
    month: str
    records: list[Record] = field(default_factory=list)


@dataclass
class Op:
    op_id: str
    kind: str
    action: str  # "upsert" | "delete"
    record: Record
    fields: dict[str, Any] | None
    base_version: int | None
    needs: tuple[str, ...] = ()  # record ids the server must have first
    attempts: int = 0
    answer: dict[str, Any] | None = None  # the first answer received

    def wire(self) -> dict[str, Any]:
        return {
            "op_id": self.op_id,
            "kind": self.kind,
            "action": self.action,
            "id": self.record.id,
            "base_version": self.base_version,
            "fields": self.fields,
        }


@dataclass
class Target:
    kind: str  # "pregnancy" | "child"
    id: str
    birth_date: date | None = None
    due_date: date | None = None
    used: set[tuple[str, date]] = field(default_factory=set)  # (kind, month) taken


@dataclass
class Stats:
    outcomes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))
    requests: int = 0
    answered: int = 0
    timeouts: int = 0
    dropped_answers: int = 0
    duplicate_sends: int = 0
    reordered: int = 0
    stale_replays: int = 0
    http_errors: dict[str, int] = field(default_factory=dict)
    replay_mismatches: list[str] = field(default_factory=list)
    refusals: list[str] = field(default_factory=list)
    never_answered: int = 0
    blocked: int = 0  # operations whose parent was refused: never sendable
    transient: int = 0  # refusals marked "retry": kept in the outbox


class World:
    """What every device shares: the date, the posyandu, the targets the server has."""

    def __init__(self, seed: int, posyandu: list[int], today: date) -> None:
        self.lock = threading.Lock()
        self.today = today
        this_month = today.replace(day=1)
        self.months = [add_months(this_month, -i) for i in range(12)]
        self.posyandu = posyandu
        self.targets: list[Target] = []  # created and answered: other devices may use them
        self.records: list[Record] = []
        self.pairs: list[Pair] = []
        self.stats = Stats()
        self.devices: list[Device] = []
        self.serial = 0

    def next_serial(self) -> int:
        with self.lock:
            self.serial += 1
            return self.serial


NAMES = ("Siti", "Nurhayati", "Rosmawati", "Sri Wahyuni", "Maria", "Lasma", "Aisyah", "Dewi")
MARGA = ("Siregar", "Lubis", "Harahap", "Nasution", "Simanjuntak", "Sitorus", "")
CHILD_NAMES = ("Rizky", "Zahra", "Alya", "Fathan", "Nabila", "Gabriel", "Clara", "Bagas")


class Device(threading.Thread):
    """One phone: an outbox, offline bursts of work, and syncs through the faulty network."""

    def __init__(
        self, world: World, name: str, base: str, quota: int, seed: int, faults: dict[str, float]
    ) -> None:
        super().__init__(name=name, daemon=True)
        self.world = world
        self.username = name
        self.client = Client(base)
        self.quota = quota
        self.generated = 0
        self.rng = random.Random(f"{seed}:{name}")
        self.faults = faults
        self.outbox: list[Op] = []
        self.inbox: list[Op] = []  # pair creates handed over by another device
        self.mine: list[Record] = []  # answered, updatable records of this device
        self.known: set[str] = set()  # record ids the server has (answered creates)
        self.sent_batches: list[dict[str, Any]] = []  # answered payloads, for stale replays
        self.error: BaseException | None = None
        self.deadline = float("inf")
        self.batch = BATCH

    # -- generating offline work ---------------------------------------------------------

    def _new_record(self, kind: str, fields: dict[str, Any], pair: Pair | None = None) -> Record:
        rec = Record(kind, str(uuid.uuid4()), self.username, fields, pair=pair)
        with self.world.lock:
            self.world.records.append(rec)
        return rec

    def _op(self, rec: Record, action: str = "upsert", needs: tuple[str, ...] = ()) -> Op:
        op = Op(
            str(uuid.uuid4()),
            rec.kind,
            action,
            rec,
            None if action == "delete" else dict(rec.fields),
            rec.server_version,
            needs,
        )
        rec.ops.append(op)
        rec.pending = True
        return op

    def _family(self) -> list[Op]:
        rng, w = self.rng, self.world
        n = w.next_serial()
        marga = rng.choice(MARGA)
        hh = self._new_record(
            "household",
            {
                "head_name": f"Bapak {rng.choice(CHILD_NAMES)} {marga}".strip() + f" {n}",
                "dusun": rng.choice(["I", "II", "III"]),
                "rt": str(rng.randint(1, 9)),
                "rw": str(rng.randint(1, 4)),
                "address": f"Jalan Lintas No. {n}",
                "posyandu": rng.choice(w.posyandu),
                "safe_water": rng.choice([True, False, None]),
                "latrine": rng.choice([True, False, None]),
            },
        )
        mother = self._new_record(
            "mother",
            {
                "household": hh.id,
                "name": f"{rng.choice(NAMES)} {marga} {n}".replace("  ", " "),
                "nik": None,
                "birth_date": (
                    w.today - timedelta(days=rng.randint(19 * 365, 38 * 365))
                ).isoformat(),
                "phone": f"0812{rng.randint(10**6, 10**7 - 1)}",
            },
        )
        ops = [self._op(hh), self._op(mother, needs=(hh.id,))]
        if rng.random() < 0.4:
            due = w.today + timedelta(days=rng.randint(20, 270))
            preg = self._new_record(
                "pregnancy",
                {
                    "mother": mother.id,
                    "kia_number": "",
                    "due_date": due.isoformat(),
                    "gestation_month": max(1, min(9, 9 - (due - w.today).days // 30)),
                    "risk_status": rng.choice(["normal", "normal", "risti", "kek"]),
                    "posyandu": rng.choice(w.posyandu),
                    "health_insurance": rng.choice([True, False, None]),
                },
            )
            preg.target_info = Target("pregnancy", preg.id, due_date=due)  # type: ignore[attr-defined]
            ops.append(self._op(preg, needs=(mother.id,)))
        else:
            birth = w.today - timedelta(days=rng.randint(0, 5 * 365))
            child = self._new_record(
                "child",
                {
                    "household": hh.id,
                    "mother": mother.id,
                    "name": f"{rng.choice(CHILD_NAMES)} {marga}".strip(),
                    "sex": rng.choice(["L", "P"]),
                    "birth_date": birth.isoformat(),
                    "posyandu": rng.choice(w.posyandu),
                    "kia_number": "",
                    "birth_certificate": rng.choice([True, False, None]),
                    "health_insurance": rng.choice([True, False, None]),
                },
            )
            child.target_info = Target("child", child.id, birth_date=birth)  # type: ignore[attr-defined]
            ops.append(self._op(child, needs=(hh.id, mother.id)))
        return ops

    def _free_month(self, target: Target) -> tuple[str, date] | None:
        """A (kind, month) of `target` nobody has recorded yet that the rules accept."""
        months = list(self.world.months)
        self.rng.shuffle(months)
        for month in months:
            if target.kind == "pregnancy":
                kinds = ["pregnancy_visit"]
                problems = rules.check_month_followed(
                    rules.FORM_2A, month, due_date=target.due_date
                )
                if problems:
                    continue
            else:
                assert target.birth_date is not None
                kinds = [
                    KIND_OF_FORM[f] for f in rules.child_forms_for_month(target.birth_date, month)
                ]
            for kind in kinds:
                if (kind, month) not in target.used:
                    return kind, month
        return None

    def _visit_date(self, target: Target, month: date) -> date:
        first = month
        if target.birth_date is not None and target.birth_date > first:
            first = target.birth_date
        last = min(month_end(month), self.world.today)
        return first + timedelta(days=self.rng.randint(0, max(0, (last - first).days)))

    def _monthly_fields(self, kind: str, target: Target, month: date) -> dict[str, Any]:
        rng, w = self.rng, self.world
        visit = self._visit_date(target, month)
        base = {"target": target.id, "month": month.isoformat(), "visit_date": visit.isoformat()}
        if kind == "pregnancy_visit":
            iron = rng.choice([True, False])
            return base | {
                "posyandu": rng.choice(w.posyandu),
                "gestation_month": rng.randint(1, 9),
                "anc_check": rng.choice([True, False, None]),
                "iron_tablets": iron,
                "iron_tablet_count": rng.randint(10, 30) if iron else None,
                "nutrition_counselling": rng.choice([True, False]),
                "home_visit": rng.choice([True, False, None]),
                "muac_cm": round(rng.uniform(21, 29), 1),
            }
        if kind == "paud_record":
            return base | {"status": rng.choice(["belum", "mengikuti", "tidak_mengikuti"])}
        assert target.birth_date is not None
        age = (visit - target.birth_date).days / 30.4375
        return base | {
            "posyandu": rng.choice(w.posyandu),
            "weight_kg": round(
                3.2 + 0.45 * min(age, 12) + 0.2 * max(0, age - 12) + rng.uniform(-0.6, 0.6), 1
            ),
            "length_cm": round(
                50 + 2.2 * min(age, 12) + 0.9 * max(0, age - 12) + rng.uniform(-2, 2), 1
            ),
            "measured_lying": True,
            "growth_mat": rng.choice(["hijau", "kuning", "merah"]),
            "immunisation_up_to_date": rng.choice([True, False, None]),
            "counselling_mother": rng.choice([True, False]),
            "safe_water": rng.choice([True, False, None]),
        }

    def _monthly(self, pair_with: Device | None = None) -> list[Op]:
        with self.world.lock:
            targets = list(self.world.targets)
            if not targets:
                return []
            for _ in range(20):
                target = self.rng.choice(targets)
                free = self._free_month(target)
                if free is not None:
                    target.used.add(free)
                    break
            else:
                return []
        kind, month = free
        fields = self._monthly_fields(kind, target, month)
        if pair_with is None:
            return [self._op(self._new_record(kind, fields))]
        pair = Pair(kind, target.id, month.isoformat())
        mine = self._new_record(kind, fields, pair)
        # The other phone typed the same visit: same date, some answers differ.
        other_fields = dict(fields)
        for name in list(other_fields)[3:]:
            if self.rng.random() < 0.3:
                other_fields[name] = self._monthly_fields(kind, target, month)[name]
        theirs = pair_with._new_record(kind, other_fields, pair)
        pair.records = [mine, theirs]
        with self.world.lock:
            self.world.pairs.append(pair)
        pair_with.hand_over(pair_with._op(theirs))
        return [self._op(mine)]

    def hand_over(self, op: Op) -> None:
        with self.world.lock:
            self.inbox.append(op)
            self.generated += 1

    UPDATABLE = {
        "household": ("rt", "address", "safe_water", "latrine"),
        "mother": ("phone",),
        "pregnancy": ("risk_status", "health_insurance"),
        "child": ("kia_number", "birth_certificate", "health_insurance"),
        "pregnancy_visit": ("muac_cm", "anc_check", "home_visit", "nutrition_counselling"),
        "child_visit": ("weight_kg", "counselling_mother", "growth_mat", "safe_water"),
        "paud_record": ("status",),
    }

    def _new_value(self, name: str, old: Any) -> Any:
        rng = self.rng
        if name in {"safe_water", "latrine", "health_insurance", "birth_certificate"}:
            choices = [True, False, None]
        elif name in {"anc_check", "home_visit", "nutrition_counselling", "counselling_mother"}:
            choices = [True, False]
        elif name == "risk_status":
            choices = ["normal", "risti", "kek"]
        elif name == "growth_mat":
            choices = ["hijau", "kuning", "merah"]
        elif name == "status":
            choices = ["belum", "mengikuti", "tidak_mengikuti"]
        elif name == "weight_kg":
            return round(float(old) + rng.choice([-0.3, -0.2, -0.1, 0.1, 0.2, 0.3]), 1)
        elif name == "muac_cm":
            return round((old or 24.0) + rng.choice([-0.5, 0.5, 1.0]), 1)
        elif name == "rt":
            return str((int(old) % 9) + 1)
        elif name == "address":
            return f"{old.split(' (')[0]} (pindah {rng.randint(1, 999)})"
        elif name == "phone":
            return f"0813{rng.randint(10**6, 10**7 - 1)}"
        elif name == "kia_number":
            return f"KIA-{uuid.uuid4().hex[:8]}"
        else:
            raise ValueError(name)
        return rng.choice([c for c in choices if c != old])

    def _update(self) -> list[Op]:
        candidates = [r for r in self.mine if not r.pending and not r.deleted and r.pair is None]
        if not candidates:
            return []
        rec = self.rng.choice(candidates)
        names = self.UPDATABLE[rec.kind]
        for name in self.rng.sample(names, self.rng.randint(1, len(names))):
            rec.fields[name] = self._new_value(name, rec.fields.get(name))
        rec.expected_version += 1  # every update changes at least one value
        return [self._op(rec)]

    def _make_delete(self) -> list[Op]:
        candidates = [
            r
            for r in self.mine
            if r.kind in MONTHLY_TABLES and not r.pending and not r.deleted and r.pair is None
        ]
        if not candidates:
            return []
        rec = self.rng.choice(candidates)
        rec.deleted = True
        rec.expected_version += 1
        return [self._op(rec, "delete")]

    def generate(self, n: int) -> int:
        """Up to n operations of offline work (a morning at the posyandu, home visits)."""
        with self.world.lock:
            handed, self.inbox = self.inbox, []
        self.outbox.extend(handed)
        made = len(handed)
        while made < n and self.generated < self.quota:
            left = self.quota - self.generated
            r = self.rng.random()
            ops: list[Op] = []
            if r < 0.13 and left >= 3:
                ops = self._family()
            elif r < 0.18 and left >= 2:
                other = self._pair_partner()
                if other is not None:
                    ops = self._monthly(pair_with=other)
            elif r < 0.43:
                ops = self._update()
            elif r < 0.45:
                ops = self._make_delete()
            if not ops:
                ops = self._monthly()
            if not ops and left >= 3:
                ops = self._family()
            if not ops:
                ops = self._update()
            if not ops:
                break
            self.outbox.extend(ops)
            with self.world.lock:
                self.generated += len(ops)
            made += len(ops)
        return made

    def _pair_partner(self) -> Device | None:
        with self.world.lock:
            others = [d for d in self.world.devices if d is not self and d.generated < d.quota - 1]
        return self.rng.choice(others) if others else None

    # -- syncing -------------------------------------------------------------------------

    def compose(self) -> list[Op]:
        """Up to BATCH sendable operations; parents first (a child op needs its parent)."""
        pool = list(self.outbox)
        if self.rng.random() < self.faults["reorder"]:
            self.rng.shuffle(pool)
            self.world.stats.reordered += 1
        batch: list[Op] = []
        in_batch: set[str] = set()
        progress = True
        while progress and len(batch) < self.batch:
            progress = False
            for op in pool:
                if op in batch or len(batch) >= self.batch:
                    continue
                if all(n in self.known or n in in_batch for n in op.needs):
                    batch.append(op)
                    in_batch.add(op.record.id)
                    progress = True
        return batch

    def _count_error(self, exc: HttpError) -> None:
        key = str(exc.status) if exc.status else "no answer"
        with self.world.lock:
            errors = self.world.stats.http_errors
            errors[key] = errors.get(key, 0) + 1

    def post(self, payload: dict[str, Any], timeout: float = 120) -> dict[str, Any] | None:
        with self.world.lock:
            self.world.stats.requests += 1
        try:
            return self.client.post_json("/api/sync/", payload, timeout=timeout)
        except HttpError as exc:
            self._count_error(exc)
            if exc.status == 403 and b"CSRF" in str(exc).encode():
                self.client.login(self.username)
            return None

    def send(self, batch: list[Op]) -> None:
        payload = {"device_id": self.username, "operations": [op.wire() for op in batch]}
        for op in batch:
            op.attempts += 1
        f, r, stats = self.faults, self.rng.random(), self.world.stats
        if r < f["timeout"]:
            stats.timeouts += 1
            self.post(payload, timeout=self.rng.uniform(0.02, 0.3))  # the phone gives up
            time.sleep(self.rng.uniform(0.05, 0.3))
            return
        answer = self.post(payload)
        r -= f["timeout"]
        if answer is None:
            time.sleep(self.rng.uniform(0.05, 0.4))  # back off; the server may be restarting
            return
        with self.world.lock:
            stats.answered += 1
        if r < f["drop"]:
            stats.dropped_answers += 1  # received, but the phone died before storing it
            return
        r -= f["drop"]
        self.receive(answer, batch)
        self.sent_batches.append(payload)
        if r < f["duplicate"]:
            stats.duplicate_sends += 1
            second = self.post(payload)  # the same batch again: the same answers expected
            if second is not None:
                self.check_replay(second)
        if self.rng.random() < f["stale"] and len(self.sent_batches) > 1:
            stats.stale_replays += 1
            old = self.rng.choice(self.sent_batches[:-1])
            late = self.post(old)
            if late is not None:
                self.check_replay(late)

    def check_replay(self, answer: dict[str, Any]) -> None:
        """A replayed op_id must get the first answer again (same outcome, id, version)."""
        for result in answer.get("results", []):
            op = self.by_op_id.get(result.get("op_id"))
            if op is None or op.answer is None:
                continue
            first = op.answer
            if first["outcome"] == "refused":
                continue  # refusals are not remembered (they changed nothing)
            same = all(first.get(k) == result.get(k) for k in ("outcome", "id", "version"))
            if not same:
                self.world.stats.replay_mismatches.append(
                    f"{op.kind} op {op.op_id}: first {first.get('outcome')}/{first.get('id')}/"
                    f"v{first.get('version')}, replay {result.get('outcome')}/{result.get('id')}/"
                    f"v{result.get('version')}"
                )

    def receive(self, answer: dict[str, Any], batch: list[Op]) -> None:
        results = {r.get("op_id"): r for r in answer.get("results", [])}
        stats = self.world.stats
        for op in batch:
            result = results.get(op.op_id)
            if result is None or op not in self.outbox:
                continue
            outcome = result.get("outcome")
            if outcome not in OUTCOMES:
                continue
            if outcome == "refused" and result.get("retry"):
                # The server says it failed, not the data (a deadlock, a bug): the phone keeps
                # the operation and sends it again.
                with self.world.lock:
                    stats.transient += 1
                continue
            op.answer = result
            self.outbox.remove(op)
            rec = op.record
            rec.pending = False
            with self.world.lock:
                stats.outcomes[outcome] += 1
            if outcome == "refused":
                rec.refused = True
                with self.world.lock:
                    stats.refusals.append(f"{op.kind} {op.action}: {result.get('errors')}")
                continue
            rec.server_version = result.get("version")
            if result.get("id") and result["id"] != rec.id:
                rec.server_id = result["id"]
            if op.base_version is None and op.action == "upsert":
                self.known.add(rec.id)
                if rec.pair is None:
                    self.mine.append(rec)
                info = getattr(rec, "target_info", None)
                if info is not None:
                    with self.world.lock:
                        self.world.targets.append(info)

    def sync(self) -> None:
        while self.outbox and time.monotonic() < self.deadline:
            batch = self.compose()
            if not batch:  # only operations whose parent was refused or never answered
                self.world.stats.blocked += len(self.outbox)
                self.outbox.clear()
                return
            self.send(batch)
            for op in batch:
                if op in self.outbox and op.attempts >= GIVE_UP_ATTEMPTS:
                    self.outbox.remove(op)
                    self.world.stats.never_answered += 1

    @property
    def by_op_id(self) -> dict[str, Op]:
        return {op.op_id: op for rec in self.mine_all for op in rec.ops}

    @property
    def mine_all(self) -> list[Record]:
        return [r for r in self.world.records if r.device == self.username]

    def run(self) -> None:
        try:
            self.client.login(self.username)
            stalled = 0
            while time.monotonic() < self.deadline:
                made = self.generate(self.rng.randint(20, 150))
                self.sync()
                if made == 0 and not self.outbox and self.generated < self.quota:
                    stalled += 1  # nothing to do until other devices' targets arrive
                    if stalled > 100:
                        with self.world.lock:
                            self.quota = self.generated
                    time.sleep(0.1)
                else:
                    stalled = 0
                with self.world.lock:
                    idle = not self.inbox and not self.outbox and self.generated >= self.quota
                    others_busy = any(d.generated < d.quota - 1 for d in self.world.devices)
                if idle and not others_busy:
                    break
                if idle:
                    time.sleep(0.2)  # another device may still hand over a pair create
        except BaseException as exc:  # noqa: BLE001 (reported by the main thread)
            self.error = exc


# --------------------------------------------------------------------------------------------
# Checking the database


@dataclass
class Report:
    operations: int = 0
    exactly_once: int = 0
    lost: int = 0
    duplicated: int = 0
    conflicts_stored: int = 0
    conflicts_expected_max: int = 0
    unexpected_conflicts: int = 0
    extra_rows: int = 0
    kills: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)
    stats: Stats | None = None
    proxy: Any = None
    server_errors: dict[str, int] = field(default_factory=dict)
    killed_batches: list[tuple[int, int]] = field(default_factory=list)  # (committed, sent)

    @property
    def half_done_batches(self) -> int:
        """Batches the SIGKILL cut in the middle: some operations committed, not all."""
        return sum(1 for done, sent in self.killed_batches if 0 < done < sent)

    @property
    def ok(self) -> bool:
        return self.lost == 0 and self.duplicated == 0


def _column(kind: str, name: str) -> str:
    if name == "target":
        return MONTHLY_TABLES[kind][1]
    if name in {"household", "mother", "posyandu", "born_from"}:
        return f"{name}_id"
    return name


def _same(intended: Any, stored: Any) -> bool:
    if intended is None or stored is None:
        return intended is None and stored is None
    if isinstance(intended, float) or isinstance(stored, Decimal):
        return Decimal(str(intended)) == Decimal(str(stored))
    if isinstance(stored, date | uuid.UUID):
        return str(stored) == str(intended)
    return intended == stored


def _in_conflict(conflicts: list[dict[str, Any]], name: str, value: Any) -> bool:
    for c in conflicts:
        fields = c["client_fields"] or {}
        for key in (name, f"{name}_id"):
            if key in fields and _same(value, fields[key]):
                return True
    return False


def check_database(url: str, world: World) -> Report:
    import psycopg
    from psycopg.rows import dict_row

    report = Report()
    rows: dict[str, dict[str, dict[str, Any]]] = {}
    with psycopg.connect(url, row_factory=dict_row) as conn:
        for kind, table in TABLES.items():
            rows[kind] = {str(r["id"]): r for r in conn.execute(f"SELECT * FROM {table}")}
        conflicts: dict[str, list[dict[str, Any]]] = {}
        for c in conn.execute("SELECT * FROM monitoring_conflict"):
            conflicts.setdefault(str(c["record_id"]), []).append(c)
        report.conflicts_stored = sum(len(v) for v in conflicts.values())

    records = world.records
    report.operations = sum(len(r.ops) for r in records)
    intended_ids = {r.id for r in records} | {r.server_id for r in records if r.server_id}
    for kind, by_id in rows.items():
        extra = [i for i in by_id if i not in intended_ids]
        report.extra_rows += len(extra)
        if extra:
            report.problems.append(f"{len(extra)} {kind} rows no device made, e.g. {extra[0]}")

    def lose(n: int, why: str) -> None:
        report.lost += n
        if len(report.problems) < 30:
            report.problems.append(why)

    ok_ops = 0
    for rec in records:
        if rec.pair is not None:
            continue
        n_ops = len(rec.ops)
        row = rows[rec.kind].get(rec.id)
        if row is None:
            lose(n_ops, f"lost: {rec.kind} {rec.id} ({n_ops} ops) not in the database")
            continue
        if rec.deleted != (row["deleted_at"] is not None):
            lose(1, f"lost: {rec.kind} {rec.id} deleted={row['deleted_at']} expected {rec.deleted}")
            continue
        wrong = [n for n, v in rec.fields.items() if not _same(v, row[_column(rec.kind, n)])]
        if wrong:
            lose(1, f"lost: {rec.kind} {rec.id} fields {wrong} differ from the last sent values")
            continue
        if row["version"] > rec.expected_version:
            extra = row["version"] - rec.expected_version
            report.duplicated += extra
            report.problems.append(
                f"duplicated: {rec.kind} {rec.id} version {row['version']}, expected "
                f"{rec.expected_version}"
            )
            ok_ops += n_ops - extra
            continue
        if row["version"] < rec.expected_version:
            lose(
                rec.expected_version - row["version"],
                f"lost: {rec.kind} {rec.id} version {row['version']} < {rec.expected_version}",
            )
            continue
        if rec.id in conflicts:
            report.unexpected_conflicts += 1
        ok_ops += n_ops

    for pair in world.pairs:
        report.conflicts_expected_max += 1
        table_rows = [
            r
            for r in rows[pair.kind].values()
            if str(r[MONTHLY_TABLES[pair.kind][1]]) == pair.target
            and str(r["month"]) == pair.month
            and r["deleted_at"] is None
        ]
        n_ops = sum(len(r.ops) for r in pair.records)
        if not table_rows:
            lose(n_ops, f"lost: pair {pair.kind} {pair.target} {pair.month}: no record")
            continue
        if len(table_rows) > 1:
            report.duplicated += len(table_rows) - 1
            report.problems.append(f"duplicated: pair {pair.kind} {pair.target} {pair.month}")
            continue
        row = table_rows[0]
        kept = conflicts.get(str(row["id"]), [])
        missing = []
        for rec in pair.records:
            for name, value in rec.fields.items():
                stored = row[_column(pair.kind, name)]
                if value is None and stored is not None:
                    continue  # "not asked" on one phone neither overwrites nor collides
                if not _same(value, stored) and not _in_conflict(kept, name, value):
                    missing.append(f"{rec.device}.{name}={value!r}")
        if missing:
            lose(1, f"lost: pair {pair.kind} {pair.target} {pair.month}: {missing} kept nowhere")
            continue
        ok_ops += n_ops
    report.exactly_once = ok_ops
    return report


# --------------------------------------------------------------------------------------------
# Running it


DEVICE_FAULTS = {"timeout": 0.04, "drop": 0.04, "duplicate": 0.04, "stale": 0.04, "reorder": 0.3}


def run_chaos(
    database_url: str = DEFAULT_URL,
    *,
    ops: int = 10_000,
    devices: int = 3,
    seed: int = 1,
    kill_every: int = 40,
    proxy_faults: Faults | None = None,
    device_faults: dict[str, float] | None = None,
    time_limit: float = 3600,
    batch: int = BATCH,
    keep_database: bool = True,
    server_extra_env: dict[str, str] | None = None,
    log=None,
) -> Report:
    """Set up the database and server, run the devices, check the database; see the docstring."""
    import psycopg

    log = log or say
    var_dir = tempfile.mkdtemp(prefix="tikar-chaos-")
    env = server_env(database_url, var_dir, **(server_extra_env or {}))
    t0 = time.monotonic()
    log(f"database {database_url.rsplit('/', 1)[-1]}: creating and migrating…")
    fresh_database(database_url, env)
    if not 1 <= devices <= len(USERS):
        raise ValueError(f"--devices: 1 to {len(USERS)}")
    names = USERS[:devices]
    with psycopg.connect(database_url) as conn:
        posyandu = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM regions_posyandu WHERE village_id = %s ORDER BY id", [DESA]
            )
        ]
    server = Server(env)
    server.start()
    log(f"ready in {time.monotonic() - t0:.1f} s")
    faults = proxy_faults or Faults(
        fail_before=0.03, fail_after=0.03, drop_after=0.03, kill_every=kill_every
    )
    proxy = Proxy(server, faults=faults, seed=seed)
    partial: list[tuple[int, int]] = []

    def count_done(body: bytes) -> None:
        """While the server is down: how much of the killed batch did it commit?"""
        try:
            ids = [o["op_id"] for o in json.loads(body)["operations"]]
            with psycopg.connect(database_url) as conn:
                done = conn.execute(
                    "SELECT count(*) FROM sync_syncoperation WHERE op_id::text = ANY(%s)", [ids]
                ).fetchone()[0]
            partial.append((done, len(ids)))
        except Exception as exc:  # noqa: BLE001 (a measurement, not the run)
            log(f"  could not count the killed batch: {exc}")

    proxy.on_kill = count_done
    proxy.start()
    world = World(seed, posyandu, jakarta_today())
    quotas = [ops // devices + (1 if i < ops % devices else 0) for i in range(devices)]
    started = time.monotonic()
    for name, quota in zip(names, quotas, strict=True):
        d = Device(world, name, proxy.base, quota, seed, device_faults or DEVICE_FAULTS)
        d.deadline = started + time_limit
        d.batch = batch
        world.devices.append(d)
    log(f"{devices} devices, {ops} operations, kill every {faults.kill_every} sync requests…")
    try:
        for d in world.devices:
            d.start()
        last = time.monotonic()
        while any(d.is_alive() for d in world.devices):
            time.sleep(1)
            if time.monotonic() - last >= 30:
                last = time.monotonic()
                done = sum(world.stats.outcomes.values())
                log(f"  {last - started:4.0f} s: {done} operations answered, {server.kills} kills")
        seconds = time.monotonic() - started
    finally:
        proxy.stop()
        server.stop()
    for d in world.devices:
        if d.error is not None:
            raise RuntimeError(f"device {d.username} failed") from d.error
    left = sum(len(d.outbox) for d in world.devices)
    t1 = time.monotonic()
    report = check_database(database_url, world)
    log(f"checked in {time.monotonic() - t1:.1f} s")
    report.server_errors = server_errors(server.log_path)
    if not keep_database:
        drop_database(database_url)
    shutil.rmtree(var_dir, ignore_errors=True)
    report.seconds = seconds
    report.kills = server.kills
    report.stats = world.stats
    report.proxy = proxy.stats
    report.killed_batches = partial
    if left:
        report.problems.append(f"{left} operations still in outboxes at the end")
    return report


def server_errors(log_path: Path) -> dict[str, int]:
    """The exceptions the server logged (its tracebacks' last lines), counted."""
    found: dict[str, int] = {}
    try:
        text = log_path.read_text(errors="replace")
    except OSError:
        return found
    for line in text.splitlines():
        if re.match(r"^[\w.]+(Error|Exception): ", line):
            key = line[:160]
            found[key] = found.get(key, 0) + 1
    return found


def say(line: str) -> None:
    print(line, flush=True)  # progress shows at once, also through a pipe


def print_report(report: Report, log=say) -> None:
    s, p = report.stats, report.proxy
    assert s is not None and p is not None
    log("")
    log(f"{'operations':<38}{report.operations:>8}")
    log(f"{'applied exactly once':<38}{report.exactly_once:>8}")
    log(f"{'lost':<38}{report.lost:>8}")
    log(f"{'duplicated':<38}{report.duplicated:>8}")
    log(
        f"{'conflicts stored':<38}{report.conflicts_stored:>8}   (pairs: {report.conflicts_expected_max})"
    )
    log(f"{'unexpected conflicts':<38}{report.unexpected_conflicts:>8}")
    log(f"{'rows no device made':<38}{report.extra_rows:>8}")
    log(
        f"{'time':<38}{report.seconds:>7.1f} s  ({report.operations / max(report.seconds, 1e-9):.0f} ops/s)"
    )
    log("")
    log("answers: " + ", ".join(f"{k} {v}" for k, v in s.outcomes.items()))
    log(
        f"requests {s.requests}, answered {s.answered}; device faults: timeouts {s.timeouts}, "
        f"answers dropped {s.dropped_answers}, batches sent twice {s.duplicate_sends}, "
        f"reordered {s.reordered}, stale replays {s.stale_replays}"
    )
    log(
        f"proxy faults: 500 before {p.fail_before}, 500 after {p.fail_after}, "
        f"connection dropped after {p.drop_after}, server killed mid-request "
        f"{p.kills_in_flight} (restarts {report.kills}), 502 while down {p.bad_gateway}"
    )
    log(
        f"batches killed in flight: {len(report.killed_batches)}, of which cut in the middle "
        f"(some operations committed, not all): {report.half_done_batches}  "
        f"{report.killed_batches}"
    )
    log(f"errors seen by the devices: {s.http_errors}")
    log(f"replayed op_ids answered differently: {len(s.replay_mismatches)}")
    for line in s.replay_mismatches[:5]:
        log(f"  {line}")
    if s.refusals:
        log(f"refused ({len(s.refusals)}), e.g.:")
        for line in s.refusals[:5]:
            log(f"  {line}")
    if s.transient:
        log(f"server failures answered with retry (kept in the outbox): {s.transient}")
    if s.blocked:
        log(f"never sendable (parent refused or never answered): {s.blocked}")
    if s.never_answered:
        log(f"never answered after {GIVE_UP_ATTEMPTS} attempts: {s.never_answered}")
    for line, n in report.server_errors.items():
        log(f"server log: {n} x {line}")
    for line in report.problems[:20]:
        log(f"  ! {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ops", type=int, default=10_000)
    parser.add_argument("--devices", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kill-every", type=int, default=40, help="sync requests per SIGKILL")
    parser.add_argument("--database-url", default=DEFAULT_URL)
    args = parser.parse_args()
    report = run_chaos(
        args.database_url,
        ops=args.ops,
        devices=args.devices,
        seed=args.seed,
        kill_every=args.kill_every,
    )
    print_report(report)
    s = report.stats
    fine = report.ok and s is not None and not s.replay_mismatches and not s.refusals
    print("\nOK: 0 lost, 0 duplicated" if fine else "\nFAILED")
    sys.exit(0 if fine else 1)


if __name__ == "__main__":
    main()
