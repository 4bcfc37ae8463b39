"""The upload half of the sync: apply a phone's operations, each answered on its own.

`apply_operations(user, device_id, operations)` answers `POST /api/sync/` (docs/offline.md,
"Upload"). Every operation goes through the same write paths as the JSON API, not copies:

- the register kinds (household, mother, pregnancy, child) through the API's serializers
  (validation in words, scoped foreign keys, NIK and likely-duplicate warnings), the API's
  `create_synced` (the desa lock around the duplicate check) and its three-way `plan_update`;
  where the REST update answers 409 and keeps nothing, the sync stores the phone's values in
  a `Conflict` (month None) and applies the fields that did not collide;
- the monthly kinds through the API's input serializers and `monitoring.services.record_month`
  (one record per target and month: a create under another UUID merges into the month's
  record, whose id the answer carries);
- deletes through `soft_delete` (tombstones), refused in words when not allowed.

Each operation runs in its own transaction together with its `SyncOperation` row (claimed
first, so a second request with the same op_id waits for the first and then reads its answer).
A replay of a stored op_id returns the first answer and changes nothing. A refused operation
changes nothing and is not remembered. Warnings never block: the record is saved and the
warnings listed. One bad operation never blocks the others, and nothing raises out of here for
an operation's content: an unexpected error is logged and answered as refused for that one.

An operation refused only because a record it names is not (yet) on the server is tried again
after the rest of the batch (up to `MAX_PASSES` rounds), so a batch whose parents come after
their children (reordered) is still applied whole.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError, IntegrityError, OperationalError, connection, transaction
from django.db.models import Model
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import serializers as drf

from tikar.accounts.scope import scoped
from tikar.api import serializers as s
from tikar.api.views import apply_changes, check_cohort, create_synced, plan_update
from tikar.households.models import Household, Mother, lock_for_update
from tikar.monitoring import rules
from tikar.monitoring.models import Conflict
from tikar.monitoring.services import CONFLICT as MONTH_CONFLICT
from tikar.monitoring.services import CREATED, UNCHANGED, UPDATED, record_month
from tikar.monitoring.services import MERGED as MONTH_MERGED

from .download import KIND_MODELS, fields_of
from .models import SyncOperation

logger = logging.getLogger(__name__)

MAX_OPERATIONS = 200
# Parents before children: household → mother → pregnancy → child → monthly record.
MAX_PASSES = 5
SQLITE_LOCK_RETRIES = 20
MAX_VERSION = 2**31 - 1

APPLIED, ALREADY_APPLIED, MERGED, CONFLICT, REFUSED = (
    "applied",
    "already_applied",
    "merged",
    "conflict",
    "refused",
)
OUTCOMES = (APPLIED, ALREADY_APPLIED, MERGED, CONFLICT, REFUSED)
ACTIONS = ("upsert", "delete")

REGISTER: dict[str, type[s.SyncedSerializer]] = {
    "household": s.HouseholdSerializer,
    "mother": s.MotherSerializer,
    "pregnancy": s.PregnancySerializer,
    "child": s.ChildSerializer,
}
# People: their create runs the likely-duplicate check under the desa's lock (as the API's).
CHECKS_DUPLICATES = {"mother", "child"}
MONTHLY: dict[str, tuple[str, type[s.MonthlyInputSerializer]]] = {
    "pregnancy_visit": (rules.FORM_2A, s.PregnancyVisitInputSerializer),
    "child_visit": (rules.FORM_2B, s.ChildVisitInputSerializer),
    "paud_record": (rules.FORM_2C, s.PaudRecordInputSerializer),
}
MONTH_OUTCOMES = {
    CREATED: APPLIED,
    UPDATED: APPLIED,
    UNCHANGED: ALREADY_APPLIED,
    MONTH_MERGED: MERGED,
    MONTH_CONFLICT: CONFLICT,
}
# Names the operation itself carries; inside `fields` they are ignored.
OPERATION_NAMES = ("id", "base_version", "confirm_warnings")


def _not_found() -> str:
    return _("Not found in your desa.")


class Refused(Exception):
    """An operation that saves nothing; `errors` are {field: [message]} in the user's language.

    `missing` is true when the only problem is a record it names that the server does not
    have (yet): the batch tries it again after the others. `retry` is true when the server,
    not the data, failed: the phone keeps the operation and sends it again (`"retry": true`).
    """

    def __init__(
        self,
        errors: dict[str, list[str]],
        *,
        missing: bool = False,
        retry: bool = False,
        warnings: list[dict[str, str]] | None = None,
    ) -> None:
        super().__init__(errors)
        self.errors = errors
        self.missing = missing
        self.retry = retry
        self.warnings = warnings or []


@dataclass
class Operation:
    op_id: UUID
    kind: str
    action: str
    id: UUID
    base_version: int | None
    fields: dict[str, Any]


@dataclass
class Done:
    outcome: str
    record: Model
    conflict: Conflict | None = None
    conflicting_fields: list[str] = field(default_factory=list)
    warnings: list[dict[str, str]] = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# Shapes


def _uuid(value: Any) -> UUID | None:
    if not isinstance(value, str):
        return None
    try:
        return UUID(value)
    except ValueError:
        return None


def parse(raw: Any) -> Operation:
    """The operation's shape checked; Refused with the reasons in words."""
    if not isinstance(raw, dict):
        raise Refused({"non_field_errors": [_("An operation must be a JSON object.")]})
    errors: dict[str, list[str]] = {}
    op_id = _uuid(raw.get("op_id"))
    if op_id is None:
        errors["op_id"] = [_("op_id must be a UUID made by the phone.")]
    kind = raw.get("kind")
    if not isinstance(kind, str) or kind not in KIND_MODELS:
        errors["kind"] = [_("Unknown kind. Known: %(kinds)s.") % {"kinds": ", ".join(KIND_MODELS)}]
    action = raw.get("action", "upsert")
    if action not in ACTIONS:
        errors["action"] = [_('action must be "upsert" or "delete".')]
    record_id = _uuid(raw.get("id"))
    if record_id is None:
        errors["id"] = [_("id must be the record's UUID.")]
    base_version = raw.get("base_version")
    if base_version is not None and (
        isinstance(base_version, bool)
        or not isinstance(base_version, int)
        or not 0 <= base_version <= MAX_VERSION
    ):
        errors["base_version"] = [_("base_version must be a whole number from 0, or null.")]
    fields = raw.get("fields")
    if action == "delete" and fields is None:
        fields = {}
    if not isinstance(fields, dict):
        errors["fields"] = [_("fields must be a JSON object.")]
    if errors:
        raise Refused(errors)
    return Operation(op_id, kind, action, record_id, base_version, fields)


def _messages(value: Any) -> list[Any]:
    """Error details flattened to a list (DRF nests lists and dicts for nested fields)."""
    if isinstance(value, dict):
        return [m for v in value.values() for m in _messages(v)]
    if isinstance(value, list | tuple):
        return [m for v in value for m in _messages(v)]
    return [value]


def refused_from_drf(exc: drf.ValidationError) -> Refused:
    detail = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
    errors: dict[str, list[str]] = {}
    warnings: list[dict[str, str]] = []
    missing = True
    for name, value in detail.items():
        if name == "warnings":
            warnings = [{k: str(v) for k, v in w.items()} for w in value if isinstance(w, dict)]
            continue
        if name == "confirm_warnings":
            continue  # the sync confirms on the phone's behalf; never asked here
        found = _messages(value)
        errors[name] = [str(m) for m in found]
        missing = missing and all(getattr(m, "code", None) == "does_not_exist" for m in found)
    return Refused(errors, missing=missing and bool(errors), warnings=warnings)


def refused_from_django(exc: DjangoValidationError) -> Refused:
    if hasattr(exc, "error_dict"):
        return Refused({k: [str(m) for m in v] for k, v in exc.message_dict.items()})
    return Refused({"non_field_errors": [str(m) for m in exc.messages]})


# --------------------------------------------------------------------------------------------
# The kinds


def serializer_context(user) -> dict[str, Any]:
    """The context the API's serializers need outside a request: their scoped foreign keys
    read the user from `context["request"].user`."""
    return {"request": SimpleNamespace(user=user)}


def _wire_name(model: type[Model], name: str) -> str:
    """ "posyandu_id" → "posyandu": conflicts name columns, the wire names fields."""
    if name.endswith("_id"):
        try:
            if model._meta.get_field(name[:-3]).is_relation:
                return name[:-3]
        except Exception:  # noqa: BLE001 (a plain field that ends in _id)
            return name
    return name


def _writable(model: type[Model], pk: UUID, user) -> Model | None:
    """The record if it exists in the user's desa (locked for the update), else None."""
    return lock_for_update(scoped(model.objects.filter(pk=pk), user, write=True)).first()


def _existing(model: type[Model], pk: UUID, user) -> Model | None:
    """A record with this id: None when there is none; Refused when it is another desa's."""
    if not model.objects.filter(pk=pk).exists():
        return None
    record = _writable(model, pk, user)
    if record is None:
        raise Refused({"id": [_not_found()]})
    if record.deleted_at is not None:
        raise Refused(
            {"id": [_("This record was deleted on the server; it is no longer on the register.")]}
        )
    return record


def _upsert_register(user, op: Operation) -> Done:
    model = KIND_MODELS[op.kind]
    serializer_class = REGISTER[op.kind]
    data = {k: v for k, v in op.fields.items() if k not in OPERATION_NAMES}
    record = _existing(model, op.id, user)
    if record is None:
        if op.base_version:  # an update of a record the server does not have
            raise Refused({"id": [_not_found()]})
        serializer = serializer_class(
            data={**data, "id": str(op.id), "confirm_warnings": True},
            context=serializer_context(user),
        )
        extra = {"village_id": user.region_id} if model is Household else {}
        create_synced(
            serializer,
            user,
            checks_duplicates=op.kind in CHECKS_DUPLICATES,
            save=lambda ser: ser.save(created_by=user, **extra),
        )
        return Done(APPLIED, serializer.instance, warnings=serializer.new_warnings)

    # A create the server already has (a retry under a new op_id): the phone's values are
    # compared with the version its create made, so the server's later edits are not undone.
    base = op.base_version if op.base_version is not None else 1
    serializer = serializer_class(
        record,
        data={**data, "base_version": base, "confirm_warnings": True},
        partial=True,
        context=serializer_context(user),
    )
    serializer.is_valid(raise_exception=True)
    plan = plan_update(record, serializer.validated_data, base)
    server_version = record.version
    conflict = None
    if plan.conflicting:
        conflict = Conflict.objects.create(
            village_id=record.village_id,
            record_type=model._meta.label_lower,
            record_id=record.pk,
            target_type=op.kind,
            target_id=record.pk,
            month=None,
            base_version=base,
            server_version=server_version,
            client_fields=op.fields,
            conflicting_fields=sorted(plan.conflicting),
            created_by=user,
        )
    apply_changes(record, plan.changes, user)
    if conflict is not None:
        outcome = CONFLICT
    elif not plan.changes:
        outcome = ALREADY_APPLIED
    else:
        outcome = MERGED if base < server_version else APPLIED
    return Done(
        outcome,
        record,
        conflict,
        sorted(plan.conflicting),
        warnings=serializer.new_warnings,
    )


def _upsert_monthly(user, op: Operation) -> Done:
    model = KIND_MODELS[op.kind]
    form, input_serializer = MONTHLY[op.kind]
    target_field = model.TARGET_FIELD
    data = {k: v for k, v in op.fields.items() if k not in (*OPERATION_NAMES, "target", "form")}
    target_raw = op.fields.get("target")
    record = _existing(model, op.id, user)
    if record is not None:
        # An edit may leave out what does not change: the stored record's target and month.
        if target_raw is None:
            target_raw = str(getattr(record, f"{target_field}_id"))
        data.setdefault("month", record.month.isoformat())
    if target_raw is None:
        raise Refused({"target": [_("Send the target's id.")]})
    sent_form = op.fields.get("form")
    if sent_form is not None and sent_form != form:
        raise Refused(
            {"form": [_("Formulir %(form)s is sent with its own kind.") % {"form": sent_form}]}
        )
    serializer = input_serializer(
        data={**data, target_field: target_raw}, context=serializer_context(user)
    )
    if not serializer.is_valid():
        # On the wire the target is "target" for every monthly kind: the phone shows an error
        # at the field it sent, not at the model's "child" or "pregnancy".
        errors = dict(serializer.errors)
        if target_field in errors:
            errors["target"] = errors.pop(target_field)
        raise drf.ValidationError(errors)
    attrs = dict(serializer.validated_data)
    target, month = attrs.pop(target_field), attrs.pop("month")
    if record is not None and (
        getattr(record, f"{target_field}_id") != target.pk or record.month != month
    ):
        raise Refused({"id": [_("This id belongs to another record; make a new one.")]})
    values = {
        n: (v.pk if isinstance(v, Model) else v)
        for n, v in attrs.items()
        if n in model.CLIENT_FIELDS
    }
    check_cohort(form, target, month)
    base = op.base_version
    if base is None:
        # A create: 0 = "never saw the server's record of this month", so two phones that
        # both made the month offline meet as a conflict on the fields they disagree on. The
        # server already having this id means the phone's create arrived before: its base is
        # the version that create made.
        base = 1 if record is not None else 0
    result = record_month(target, month, values, user, base, form=form, record_id=op.id)
    outcome = MONTH_OUTCOMES[result.outcome]
    if result.record.pk != op.id and outcome in (APPLIED, ALREADY_APPLIED):
        outcome = MERGED  # a create that met the month's record under another id
    return Done(
        outcome,
        result.record,
        result.conflict,
        sorted(_wire_name(model, n) for n in result.conflicting_fields),
        warnings=[s.problem_dict(p) for p in result.warnings],
    )


def _delete(user, op: Operation) -> Done:
    model = KIND_MODELS[op.kind]
    record = _writable(model, op.id, user)
    if record is None:
        raise Refused({"id": [_not_found()]})
    if record.deleted_at is not None:
        return Done(ALREADY_APPLIED, record)
    # The register page's rules: people before their household (households.views.delete).
    if isinstance(record, Household) and (
        record.mothers.alive().exists() or record.children.alive().exists()
    ):
        raise Refused(
            {"id": [_("This household still has people in the register. Delete them first.")]}
        )
    if isinstance(record, Mother) and (
        record.pregnancies.alive().exists() or record.children.alive().exists()
    ):
        raise Refused({"id": [_("This mother still has pregnancies or children in the register.")]})
    record.soft_delete(user)
    return Done(APPLIED, record)


def _apply(user, op: Operation) -> Done:
    if op.action == "delete":
        return _delete(user, op)
    if op.kind in REGISTER:
        return _upsert_register(user, op)
    return _upsert_monthly(user, op)


# --------------------------------------------------------------------------------------------
# Answers


OUTCOME_MESSAGES = {
    MERGED: lambda: _("Saved together with newer changes made on another device."),
    CONFLICT: lambda: _(
        "Someone else changed the same data: the server kept its values, and yours are kept "
        "on the Konflik page until the KPM or the Admin Desa chooses."
    ),
}


def _answer(op: Operation, done: Done) -> dict[str, Any]:
    record = done.record
    deleted = record.deleted_at is not None
    shown = None if deleted else fields_of(op.kind, record)
    conflict = None
    if done.conflict is not None:
        conflict = {
            "id": done.conflict.pk,
            "conflicting_fields": done.conflicting_fields,
            "server_values": {n: (shown or {}).get(n) for n in done.conflicting_fields},
            "message": OUTCOME_MESSAGES[CONFLICT](),
        }
    message = OUTCOME_MESSAGES.get(done.outcome)
    return {
        "op_id": str(op.op_id),
        "kind": op.kind,
        "id": str(record.pk),
        "outcome": done.outcome,
        "version": record.version,
        "change_seq": record.change_seq,
        "record": shown,
        "conflict": conflict,
        "message": message() if message else None,
        "errors": None,
        "warnings": done.warnings,
        "retry": False,
    }


def _refused_answer(raw: Any, refused: Refused) -> dict[str, Any]:
    raw = raw if isinstance(raw, dict) else {}

    def echo(name: str) -> str | None:
        value = raw.get(name)
        return value[:100] if isinstance(value, str) else None

    return {
        "op_id": echo("op_id"),
        "kind": echo("kind"),
        "id": echo("id"),
        "outcome": REFUSED,
        "version": None,
        "change_seq": None,
        "record": None,
        "conflict": None,
        "message": (
            _("Not saved yet: the server could not save it now; the phone sends it again.")
            if refused.retry
            else _("Not saved: correct the data on the phone and send it again.")
        ),
        "errors": refused.errors,
        "warnings": refused.warnings,
        "retry": refused.retry,
    }


def _replay(stored: SyncOperation, user) -> dict[str, Any] | Refused:
    if stored.user_id != user.pk:
        # Op ids are random: another account's is a client bug, and its answer is not ours.
        return Refused({"op_id": [_("This op_id was already used; make a new one.")]})
    return stored.result


# --------------------------------------------------------------------------------------------
# Running


def apply_operation(user, device_id: str, raw: Any) -> tuple[dict[str, Any], bool]:
    """Run one operation; (its answer, whether to try it again after the batch's others)."""
    try:
        op = parse(raw)
    except Refused as refused:
        return _refused_answer(raw, refused), False
    lock_retries, integrity_retries = SQLITE_LOCK_RETRIES, 1
    while True:
        try:
            stored = SyncOperation.objects.filter(pk=op.op_id).first()
            if stored is not None:
                replay = _replay(stored, user)
                if isinstance(replay, Refused):
                    return _refused_answer(raw, replay), False
                return replay, False
            with transaction.atomic():
                # Claimed first: a second request with this op_id waits here on the primary
                # key until this transaction ends, then fails and reads our answer.
                SyncOperation.objects.create(
                    op_id=op.op_id,
                    user=user,
                    village_id=user.region_id,
                    device_id=device_id,
                    kind=op.kind,
                    record_id=op.id,
                    outcome="",
                    result={},
                )
                try:
                    done = _apply(user, op)
                except drf.ValidationError as exc:
                    raise refused_from_drf(exc) from exc
                except DjangoValidationError as exc:
                    raise refused_from_django(exc) from exc
                except (PermissionDenied, Http404) as exc:
                    raise Refused({"id": [_not_found()]}) from exc
                answer = _answer(op, done)
                SyncOperation.objects.filter(pk=op.op_id).update(
                    outcome=done.outcome, record_id=done.record.pk, result=answer
                )
            return answer, False
        except Refused as refused:
            return _refused_answer(raw, refused), refused.missing
        except IntegrityError:
            # The same op_id, or the same record's create, committed by another request at
            # this moment: the next round reads that op's answer or finds the record.
            if not integrity_retries:
                logger.exception("sync operation %s kept failing on integrity", op.op_id)
                return _refused_answer(raw, _server_error()), False
            integrity_retries -= 1
        except DataError:
            return _refused_answer(
                raw,
                Refused(
                    {
                        "non_field_errors": [
                            _(
                                "A value is too large or contains characters that cannot be "
                                "stored. Check the values you sent and send them again."
                            )
                        ]
                    }
                ),
            ), False
        except OperationalError as exc:
            # SQLite answers "locked" instead of waiting in its in-memory shared-cache test
            # database and when its busy timeout runs out; PostgreSQL ends one transaction of
            # a deadlock or a serialization failure. Both are about timing, not the data: wait
            # and run the operation again (its whole transaction was rolled back).
            if not _transient(exc) or not lock_retries:
                logger.exception("sync operation %s failed", op.op_id)
                return _refused_answer(raw, _server_error()), False
            lock_retries -= 1
            time.sleep(0.02 * (SQLITE_LOCK_RETRIES - lock_retries))
        except Exception:
            # A bug must not block the rest of the batch (nor every later sync of this phone):
            # logged, answered for this operation only, and not remembered, so it is resent.
            logger.exception("sync operation %s failed", op.op_id)
            return _refused_answer(raw, _server_error()), False


# PostgreSQL's deadlock_detected and serialization_failure.
TRANSIENT_SQLSTATES = {"40P01", "40001"}


def _transient(exc: OperationalError) -> bool:
    """A failure that running the same transaction again can cure (see apply_operation)."""
    if connection.vendor == "sqlite":
        return "locked" in str(exc)
    return getattr(exc.__cause__, "sqlstate", None) in TRANSIENT_SQLSTATES


def _server_error() -> Refused:
    return Refused(
        {
            "non_field_errors": [
                _(
                    "The server could not save this record now. It stays on the phone and is "
                    "sent again at the next sync."
                )
            ]
        },
        retry=True,
    )


def apply_operations(user, device_id: str, operations: list[Any]) -> list[dict[str, Any]]:
    """Apply a batch; one answer per operation, in the request's order (docs/offline.md).

    `user` must be a village user (the view refuses the others). Operations whose only problem
    is a missing parent are run again after the others, up to MAX_PASSES rounds, while a round
    still applies something.
    """
    results: list[dict[str, Any] | None] = [None] * len(operations)
    pending = list(range(len(operations)))
    for _round in range(MAX_PASSES):
        again = []
        for index in pending:
            results[index], retry = apply_operation(user, device_id, operations[index])
            if retry:
                again.append(index)
        if not again or len(again) == len(pending):
            break  # all done, or nothing in this round helped the waiting ones
        pending = again
    return [r for r in results if r is not None]
