"""The download half of the sync: a desa's changes after a cursor, merged across the 7 kinds.

`changes(user, cursor, limit)` answers `GET /api/sync/` (docs/offline.md, "Download");
`snapshot(user, cursor, limit)` answers `GET /api/sync/snapshot/`, the first download. Every synced row carries `change_seq` from one server-side counter handed out in
commit order (tikar.households.models.next_change_seq), so "everything with change_seq >
cursor" never misses a change that committed after the phone read its previous page.

What travels is kept small (the first download of a desa of 1,000 targets must stay under
300 KB compressed): per kind only the fields the phone's forms and lists use (`KIND_FIELDS`),
read with `.values()` (no serializer, no history), decimals as JSON numbers, no sync columns
other than `id`, `version`, `change_seq`. A Formulir 2b record carries its measurement, not
the WHO results computed from it: the phone's engine (tikar/field/static/field/who2006.js) is
identical to the server's on WHO's reference survey, so it recomputes z-scores, categories
and status gizi itself, and the first download is 37 KB smaller for 1,000 targets.
The snapshot is tables rather than a list of changes, with short ids, ordered by target: that
took the first download of a desa of 1,000 targets from 470 KB to about 270 KB with gzip.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.db.models import Max, Min, Model, Q, QuerySet

from tikar import clock
from tikar.accounts.scope import scoped
from tikar.households.models import Child, Household, Mother, Pregnancy
from tikar.monitoring.models import ChildVisit, PaudRecord, PregnancyVisit

# The wire's kinds (docs/offline.md, "Kinds"), in the order a phone should store a page's
# records so that parents come before children when change_seq ties cannot happen anyway.
KIND_MODELS: dict[str, type[Model]] = {
    "household": Household,
    "mother": Mother,
    "pregnancy": Pregnancy,
    "child": Child,
    "pregnancy_visit": PregnancyVisit,
    "child_visit": ChildVisit,
    "paud_record": PaudRecord,
}
MODEL_KINDS: dict[type[Model], str] = {model: kind for kind, model in KIND_MODELS.items()}
MONTHLY_KINDS = ("pregnancy_visit", "child_visit", "paud_record")

_TARGET = ("posyandu", "verified_at", "closed_at")
# The names in `fields` per kind: the REST endpoint's JSON names (a foreign key is the id under
# the field's name). Monthly kinds put their target under "target".
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "household": (
        "dusun",
        "rt",
        "rw",
        "address",
        "head_name",
        "safe_water",
        "latrine",
        "vulnerable",
        *_TARGET,
    ),
    "mother": ("household", "name", "nik", "birth_date", "phone"),
    "pregnancy": (
        "mother",
        "kia_number",
        "due_date",
        "gestation_month",
        "risk_status",
        "delivery_date",
        "health_insurance",
        *_TARGET,
    ),
    "child": (
        "household",
        "mother",
        "born_from",
        "name",
        "sex",
        "birth_date",
        "nik",
        "temp_number",
        "kia_number",
        "birth_certificate",
        "health_insurance",
        *_TARGET,
    ),
    "pregnancy_visit": ("target", "month", *sorted(PregnancyVisit.CLIENT_FIELDS)),
    "child_visit": ("target", "month", *sorted(ChildVisit.CLIENT_FIELDS)),
    "paud_record": ("target", "month", *sorted(PaudRecord.CLIENT_FIELDS)),
}

DEFAULT_LIMIT, MAX_LIMIT = 500, 1000
# The monthly records of a snapshot: this month and the 5 before it.
SNAPSHOT_MONTHS = 6
CHILD_YEARS = 6


def _column(model: type[Model], name: str) -> str:
    """The column `.values()` reads for a wire name (attname for foreign keys)."""
    if name == "target":
        name = model.TARGET_FIELD
    return model._meta.get_field(name).attname


def plain(value: Any) -> Any:
    """A stored value as JSON: ids as strings, dates ISO, decimals as numbers."""
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        # Every decimal column has one decimal place: float() of it prints back the same.
        return float(value)
    return value


def fields_of(kind: str, record: Model) -> dict[str, Any]:
    """A record's `fields` on the wire (the same shape the download sends)."""
    model = KIND_MODELS[kind]
    return {name: plain(getattr(record, _column(model, name))) for name in KIND_FIELDS[kind]}


def change_of(kind: str, record: Model) -> dict[str, Any]:
    """One entry of `changes` for a record: a tombstone when it is deleted."""
    deleted = record.deleted_at is not None
    return {
        "kind": kind,
        "id": str(record.pk),
        "version": record.version,
        "change_seq": record.change_seq,
        "deleted": deleted,
        "fields": None if deleted else fields_of(kind, record),
    }


def snapshot_start(today: date) -> date:
    """The first month a snapshot carries: the 1st of the month 5 months before today's."""
    index = today.year * 12 + today.month - 1 - (SNAPSHOT_MONTHS - 1)
    return date(index // 12, index % 12 + 1, 1)


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _snapshot_filter(kind: str, today: date) -> Q:
    """What a first download holds of a kind (docs/offline.md, "Snapshot")."""
    # A child is followed until the day before its 6th birthday (rules.CHILD_2C_MONTHS).
    born_after = _years_before(today, CHILD_YEARS)
    open_child = Q(closed_at__isnull=True, birth_date__gt=born_after)
    alive = Q(deleted_at__isnull=True)
    if kind in ("household", "mother"):
        return alive
    if kind == "pregnancy":
        return alive & Q(closed_at__isnull=True)
    if kind == "child":
        return alive & open_child
    since = Q(month__gte=snapshot_start(today))
    if kind == "pregnancy_visit":
        return (
            alive & since & Q(pregnancy__deleted_at__isnull=True, pregnancy__closed_at__isnull=True)
        )
    # child_visit, paud_record: the records of open children
    return (
        alive
        & since
        & Q(
            child__deleted_at__isnull=True,
            child__closed_at__isnull=True,
            child__birth_date__gt=born_after,
        )
    )


def _page_of(kind: str, qs: QuerySet, limit: int) -> list[dict[str, Any]]:
    model = KIND_MODELS[kind]
    names = KIND_FIELDS[kind]
    columns = [_column(model, n) for n in names]
    rows = qs.order_by("change_seq").values("id", "version", "change_seq", "deleted_at", *columns)
    out = []
    for row in rows[:limit]:
        deleted = row["deleted_at"] is not None
        out.append(
            {
                "kind": kind,
                "id": str(row["id"]),
                "version": row["version"],
                "change_seq": row["change_seq"],
                "deleted": deleted,
                "fields": (
                    None
                    if deleted
                    else {n: plain(row[c]) for n, c in zip(names, columns, strict=True)}
                ),
            }
        )
    return out


@dataclass
class Page:
    changes: list[dict[str, Any]]
    next_cursor: int
    more: bool


def changes(user, cursor: int, limit: int = DEFAULT_LIMIT) -> Page:
    """The user's desa's changes with change_seq > `cursor`, at most `limit`, oldest first.

    Each kind is read with its (village, change_seq) index, `limit + 1` rows at most; the
    merge keeps the `limit` lowest change_seq values, so a page never skips a change of one
    kind that sorts before the last change of another. `more` is true when anything is left
    after the page. Scoped with `tikar.accounts.scope.scoped`: nothing of another desa.
    """
    merged: list[dict[str, Any]] = []
    for kind, model in KIND_MODELS.items():
        qs = scoped(model.objects.all(), user).filter(change_seq__gt=cursor)
        merged.extend(_page_of(kind, qs, limit + 1))
    merged.sort(key=lambda change: change["change_seq"])
    page = merged[:limit]
    more = len(merged) > limit
    next_cursor = page[-1]["change_seq"] if page else cursor
    return Page(page, next_cursor, more)


# --------------------------------------------------------------------------------------------
# The first download (snapshot): tables, ordered for gzip, paged by keyset


# The columns that hold record ids, per kind (besides "id"): on the snapshot's wire they are
# 22-character base64url strings of the UUID's 16 bytes.
ID_FIELDS: dict[str, tuple[str, ...]] = {
    "household": (),
    "mother": ("household",),
    "pregnancy": ("mother",),
    "child": ("household", "mother", "born_from"),
    "pregnancy_visit": ("target",),
    "child_visit": ("target",),
    "paud_record": ("target",),
}
DEFAULT_SNAPSHOT_LIMIT = 1000


def short_id(value: UUID | str | None) -> str | None:
    """A UUID as 22 base64url characters (its 16 bytes), e.g. for the snapshot's wire.

    Random ids are half of a first download's compressed bytes: gzip stores a 36-character
    UUID in about 22 bytes and its base64 form in about 17. The phone turns it back into the
    usual 8-4-4-4-12 form (sync.js `longId`). None stays None.
    """
    if value is None:
        return None
    raw = value.bytes if isinstance(value, UUID) else UUID(str(value)).bytes
    return base64.urlsafe_b64encode(raw).decode("ascii")[:22]


def _snapshot_order(kind: str) -> tuple[str, ...]:
    """The keyset a snapshot pages by: a target's months together (gzip finds the repeated
    target id), and by id for the register. Unique: one alive record per target and month."""
    if kind in MONTHLY_KINDS:
        return (_column(KIND_MODELS[kind], "target"), "month")
    return ("id",)


# The snapshot-only column of these kinds: a summary of the monthly records older than the
# snapshot's months (`before_window`), so the phone's attention list (static/field/attention.js)
# needs no record it does not hold. The incremental download never sends it; the phone keeps it
# beside the record's fields (sync.js), not in them.
BEFORE_WINDOW = "before_window"
BEFORE_WINDOW_KINDS = ("pregnancy", "child")


def _month_iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def before_window(kind: str, ids: list[UUID], start: date) -> dict[UUID, dict[str, Any]]:
    """{target id: summary} of the alive monthly records before `start` of the given children or
    pregnancies, one query whatever their number; targets with nothing to say are left out.

    A child's summary (keys only when they say something; months ISO, the 1st):
    `weighed` the month of the last weighing, `stunted` / `wasted` the first month with a stored
    z below -2 SD (zlen / zwfl, not flagged: as tikar/posyandu/attention.py reads them),
    `immunisation_month` / `immunisation_up_to_date` the last "imunisasi sesuai umur" answer,
    `measles` / `basic_complete` true when ever answered yes.
    A pregnancy's: `muac_cm` / `muac_month` the last LiLA, `visit_month` / `risk_status` the last
    record and its risk status (only "risti" or "kek"), `postnatal_checks` their sum (when > 0).
    """
    if not ids:
        return {}
    out: dict[UUID, dict[str, Any]] = {}
    if kind == "child":
        rows = (
            ChildVisit.objects.alive()
            .filter(child_id__in=ids, month__lt=start)
            .values("child_id")
            .annotate(
                weighed=Max("month", filter=Q(weight_kg__isnull=False)),
                stunted=Min("month", filter=Q(zlen__lt=-2) & ~Q(flen=True)),
                wasted=Min("month", filter=Q(zwfl__lt=-2) & ~Q(fwfl=True)),
                answered=Max("month", filter=Q(immunisation_up_to_date__isnull=False)),
                answered_no=Max("month", filter=Q(immunisation_up_to_date=False)),
                measles=Max("month", filter=Q(immunisation_measles=True)),
                basic=Max("month", filter=Q(immunisation_basic_complete=True)),
            )
            .order_by()
        )
        for r in rows:
            s: dict[str, Any] = {}
            for key in ("weighed", "stunted", "wasted"):
                if r[key] is not None:
                    s[key] = _month_iso(r[key])
            if r["answered"] is not None:
                s["immunisation_month"] = _month_iso(r["answered"])
                s["immunisation_up_to_date"] = r["answered_no"] != r["answered"]
            if r["measles"] is not None:
                s["measles"] = True
            if r["basic"] is not None:
                s["basic_complete"] = True
            if s:
                out[r["child_id"]] = s
        return out
    # pregnancy: few records each; read them and keep the last
    visits = (
        PregnancyVisit.objects.alive()
        .filter(pregnancy_id__in=ids, month__lt=start)
        .order_by("pregnancy_id", "month")
        .values_list("pregnancy_id", "month", "muac_cm", "risk_status", "postnatal_checks")
    )
    for pid, month, muac, risk, checks in visits:
        s = out.setdefault(pid, {})
        if muac is not None:
            s["muac_cm"], s["muac_month"] = plain(muac), _month_iso(month)
        s["visit_month"] = _month_iso(month)
        if risk in ("risti", "kek"):
            s["risk_status"] = risk
        else:
            s.pop("risk_status", None)
        if checks:
            s["postnatal_checks"] = s.get("postnatal_checks", 0) + checks
    return out


class BadSnapshotToken(ValueError):
    """A `cursor` of the snapshot that this server did not hand out."""


def _parse_token(token: str) -> tuple[str | None, tuple[Any, ...]]:
    """ "" → from the start; "<kind>" → that kind from its start; "<kind>:<key>[:<month>]"."""
    if token in ("", "0"):
        return None, ()
    kind, _, rest = token.partition(":")
    if kind not in KIND_MODELS:
        raise BadSnapshotToken(token)
    if not rest:
        return kind, ()
    parts = rest.split(":")
    try:
        if kind in MONTHLY_KINDS:
            target, month = parts
            return kind, (UUID(target), date.fromisoformat(month))
        (pk,) = parts
        return kind, (UUID(pk),)
    except ValueError as exc:
        raise BadSnapshotToken(token) from exc


def _token(kind: str, row: dict[str, Any]) -> str:
    return ":".join([kind, *(plain(row[c]) for c in _snapshot_order(kind))])


def _after(kind: str, key: tuple[Any, ...]) -> Q:
    order = _snapshot_order(kind)
    if len(order) == 1:
        return Q(**{f"{order[0]}__gt": key[0]})
    first, second = order
    return Q(**{f"{first}__gt": key[0]}) | Q(**{first: key[0], f"{second}__gt": key[1]})


@dataclass
class SnapshotPage:
    tables: list[dict[str, Any]]
    next_cursor: str
    more: bool


def snapshot(user, cursor: str = "", limit: int = DEFAULT_SNAPSHOT_LIMIT) -> SnapshotPage:
    """One page of the first download: what the phone needs of the user's desa, as tables.

    `cursor` is "" for the first page, then the previous page's `next_cursor` (an opaque
    string). Each table is `{"kind", "columns", "ids", "rows"}`: `columns` starts with "id"
    and "version", then the kind's wire fields (`KIND_FIELDS`), and for children and pregnancies
    ends with the snapshot-only `before_window` (a summary of the monthly records older than the
    snapshot's months, or null: `before_window()`, one extra query per page); `ids` names the columns holding
    record ids in `short_id` form. Kinds come in the order of `KIND_MODELS` (parents first),
    the monthly records ordered by target and month. Paging is by keyset, so a row added or
    deleted between pages never shifts another out of the snapshot; whatever changes during the
    snapshot reaches the phone by the incremental download from the cursor that
    /api/sync/reference/ gave before the first page (docs/offline.md, "Snapshot").

    Which records: `_snapshot_filter` (alive households and mothers, open targets, the monthly
    records of the last `SNAPSHOT_MONTHS` months). Raises BadSnapshotToken for a cursor this
    server did not make. Scoped with `tikar.accounts.scope.scoped`: nothing of another desa.
    """
    start_kind, key = _parse_token(cursor)
    today = clock.today()
    kinds = list(KIND_MODELS)
    tables: list[dict[str, Any]] = []
    remaining = limit
    for kind in kinds[kinds.index(start_kind) if start_kind else 0 :]:
        model = KIND_MODELS[kind]
        qs = scoped(model.objects.all(), user).filter(_snapshot_filter(kind, today))
        if kind == start_kind and key:
            qs = qs.filter(_after(kind, key))
        names = KIND_FIELDS[kind]
        columns = [_column(model, n) for n in names]
        order = _snapshot_order(kind)
        wanted = dict.fromkeys(["id", "version", *columns, *order])
        rows = list(qs.order_by(*order).values(*wanted)[: remaining + 1])
        more_here = len(rows) > remaining
        rows = rows[:remaining]
        id_columns = {"id", *(_column(model, n) for n in ID_FIELDS[kind])}
        if rows:
            table_rows = [
                [
                    short_id(row[c]) if c in id_columns else plain(row[c])
                    for c in ("id", "version", *columns)
                ]
                for row in rows
            ]
            extra: list[str] = []
            if kind in BEFORE_WINDOW_KINDS:
                extra = [BEFORE_WINDOW]
                summaries = before_window(kind, [r["id"] for r in rows], snapshot_start(today))
                for out_row, row in zip(table_rows, rows, strict=True):
                    out_row.append(summaries.get(row["id"]))
            tables.append(
                {
                    "kind": kind,
                    "columns": ["id", "version", *names, *extra],
                    "ids": ["id", *ID_FIELDS[kind]],
                    "rows": table_rows,
                }
            )
            remaining -= len(rows)
        if more_here:
            return SnapshotPage(tables, _token(kind, rows[-1]) if rows else kind, True)
        if remaining == 0:
            following = kinds.index(kind) + 1
            if following < len(kinds):
                # The page is full exactly at a kind's end: go on with the next kind.
                return SnapshotPage(tables, kinds[following], True)
    return SnapshotPage(tables, "", False)
