"""Importing registers and monthly data from an .xlsx workbook: all or nothing.

The order of work, and why:

1. **Read** every sheet and cell (`tikar.workbooks.cells`); unreadable cells are findings.
2. **Plan**: match every row to what the desa already has (households and children by the
   user's key, pregnancies by No Register KIA, mothers by NIK, months by target and month),
   build the new and changed objects in memory and run the model layer's own rules on them
   (`full_clean`: NIK shape, dates not in the future, visit inside its month, gestation 1-9...).
   Rows point at each other through the keys, so a register and its monthly data can arrive
   in one file. NIK mismatches are warnings: listed, never blocking.
3. **Save**, only when the plan has no error, in ONE transaction. New rows (all of a first
   import) are written with bulk statements that do exactly what each row's save() and its
   signals do: version 1, change numbers reserved in one statement and handed out in file
   order, the village copied from the parent, WHO results (one call of the vectorised
   engine), one audit-history row each, the weighing judgement N/T/O/B of every touched
   child, the dirty quarters in one INSERT, and record_month's growth warnings. Rows that
   change a stored record go one by one through `save()` / `record_month`, which carry the
   edit rules (a corrected birth date re-scores the visits, an edited month is locked and
   merged). A bulk statement the database refuses is undone to its savepoint and its rows go
   the row path, which reports the refused row as before; anything refused rolls the whole
   file back and is reported like a planning error. `save_row_by_row` keeps the old path;
   tests/test_bulk_equals_row_path.py shows both store the same rows and history.

Re-importing the same file matches everything it created the first time, so it creates nothing
new; an unchanged row is not saved at all (no new version), and a row for a month that already
has a record edits that record (`record_month`).
"""

from __future__ import annotations

import copy
import logging
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import IO, Any
from uuid import UUID

import openpyxl
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, OperationalError, connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tikar.accounts.scope import scoped
from tikar.bulk import insert_rows
from tikar.calendar import month_name, quarter_of
from tikar.growth.standards import kbm_table_for
from tikar.households import duplicates
from tikar.households.models import (
    Child,
    Household,
    Mother,
    Pregnancy,
    Target,
    lock_for_update,
    reserve_change_seqs,
)
from tikar.households.problems import Problem
from tikar.monitoring import rules, weighing
from tikar.monitoring.models import ChildVisit
from tikar.monitoring.services import FORM_MODELS, _normalise, record_month
from tikar.monitoring.weighing import deferred as deferred_weighing
from tikar.regions.models import Posyandu
from tikar.scorecard.models import QuarterLock
from tikar.scorecard.refresh import mark_dirty, quarters_touched
from tikar.workbooks import cells
from tikar.workbooks import columns as c
from tikar.workbooks.models import ImportKey, ImportLock

log = logging.getLogger("tikar.workbooks")

ERROR, WARNING = "error", "warning"
MAX_ROWS = 100_000  # per file: far above a desa's year, low enough to bound memory and time
# The work of one upload is bounded (issue 8): a sheet stops being read after this many empty
# rows in a row (spreadsheets carry formatted but empty rows to row 1,048,576), and the report
# lists at most MAX_FINDINGS problems (a file of 100,000 bad rows made a report of hundreds
# of MB); the user fixes the first ones and uploads again.
MAX_BLANK_RUN = 1_000
MAX_FINDINGS = 1_000
# Rows per INSERT of the bulk path (Django lowers it further to the database's parameter limit).
BULK_BATCH = 1_000
# How often the import reports its progress to the caller (import_workbook's `progress`).
PROGRESS_EVERY = 500

Progress = Callable[[int, int], None]

# Model fields filled from a sheet's columns of the same name.
HOUSEHOLD_FIELDS = ("head_name", "dusun", "rt", "rw", "address", "safe_water", "latrine")
HOUSEHOLD_FIELDS += ("vulnerable",)
PREGNANCY_FIELDS = ("due_date", "gestation_month", "risk_status", "delivery_date")
PREGNANCY_FIELDS += ("health_insurance", "posyandu")
CHILD_FIELDS = ("name", "sex", "birth_date", "nik", "temp_number", "kia_number")
CHILD_FIELDS += ("birth_certificate", "health_insurance", "posyandu")


@dataclass
class Finding:
    """One problem of the file: where it is and what to do about it."""

    sheet: str
    row: int  # the spreadsheet row number; 0 for the file as a whole
    column: str  # the column header; "" for the whole row
    col: int | None  # 1-based column index in the uploaded sheet, to annotate the cell
    message: str
    severity: str = ERROR

    def text(self) -> str:
        values = {"sheet": self.sheet, "row": self.row, "column": self.column}
        values["message"] = self.message
        if not self.sheet:
            return self.message
        if not self.row:
            return _("Sheet %(sheet)s: %(message)s") % values
        if not self.column:
            return _("Sheet %(sheet)s, row %(row)s: %(message)s") % values
        return _("Sheet %(sheet)s, row %(row)s, column %(column)s: %(message)s") % values

    def as_dict(self) -> dict[str, Any]:
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "col": self.col,
            "severity": self.severity,
            "message": self.message,
            "text": self.text(),
        }


@dataclass
class Outcome:
    findings: list[Finding] = field(default_factory=list)
    # {sheet name: {"created": n, "updated": n, "unchanged": n}}
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    rows: int = 0
    saved: bool = False

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity != ERROR]


@dataclass
class Row:
    sheet: c.Sheet
    number: int
    values: dict[str, Any]  # column field -> value; None when empty or unreadable
    cols: dict[str, int]  # column field -> 1-based column index in the file

    def get(self, name: str) -> Any:
        return self.values.get(name)


@dataclass
class MonthPlan:
    row: Row
    target: Pregnancy | Child
    month: date
    fields: dict[str, Any]
    # The new record built and validated while planning; `_bulk_months` completes and inserts
    # this same object instead of building it a second time. None for an edited month.
    record: models.Model | None = None


class _Rollback(Exception):
    """Raised inside the transaction to undo a file that failed while saving."""


def _relations(obj: models.Model) -> list[str]:
    return [f.name for f in obj._meta.concrete_fields if f.is_relation]


def _stamp(obj: models.Model, seq: int) -> None:
    """What SyncedModel.save sets before its INSERT: the parent's village, version, change."""
    derived = obj.derive_village()
    if derived:
        obj.village_id = derived
    obj.version = (obj.version or 0) + 1
    obj.change_seq = seq


def _unsave(obj: models.Model) -> None:
    """Undo `_stamp` and bulk_create's marks on an object whose INSERT was rolled back."""
    obj.version = 0
    obj.change_seq = 0
    obj._state.adding = True
    obj._state.db = None


def _insert_objects(model: type[models.Model], objs: list[models.Model]) -> None:
    """INSERT new instances as save() would (auto_now filled on the instance), then mark them
    saved (`_state`), as bulk_create does."""
    columns = list(model._meta.concrete_fields)
    # auto_now (updated_at): one time for the statement, so it is converted once, not per row.
    now = timezone.now()
    for f in columns:
        if getattr(f, "auto_now", False):
            for obj in objs:
                setattr(obj, f.attname, now)
    names = [f.attname for f in columns]
    rows = [[getattr(obj, name) for name in names] for obj in objs]
    insert_rows(model, columns, rows, BULK_BATCH)
    for obj in objs:
        obj._state.adding = False
        obj._state.db = "default"


def _bulk_history(
    model: type[models.Model],
    objs: list[models.Model],
    user,
    overrides: dict[str, Any] | None = None,
) -> None:
    """The "+" audit rows simple-history's post_save would write for `objs`, in bulk.

    simple-history's own `bulk_history_create` builds the same rows but cannot replace a
    tracked value (`overrides`: the weighing judgement a 2b record did not yet have when its
    save() wrote the row) and sends no pre_create_historical_record signal, so the target's
    `changed_after_verification` (households.signals) is copied here from the instance.
    """
    history_model = model.history.model
    tracked = {f.attname for f in history_model.tracked_fields}
    now = timezone.now()
    extra = {
        "history_date": lambda o: now,
        "history_user_id": lambda o: user.pk if user else None,
        "history_type": lambda o: "+",
        "history_change_reason": lambda o: None,
        "changed_after_verification": lambda o: getattr(o, "_changed_after_verification", False),
    }
    for name, value in (overrides or {}).items():
        extra[name] = lambda o, v=value: v
    columns = [
        f
        for f in history_model._meta.concrete_fields
        if not f.primary_key and (f.attname in tracked or f.attname in extra)
    ]
    getters = [
        extra.get(f.attname) or (lambda o, name=f.attname: getattr(o, name)) for f in columns
    ]
    insert_rows(history_model, columns, [[get(obj) for get in getters] for obj in objs], BULK_BATCH)


def _as_uuid(text: str) -> UUID | None:
    try:
        return UUID(text)
    except ValueError:
        return None


class WorkbookImport:
    """Import one workbook into the desa of a KPM or Admin Desa; see the module docstring."""

    def __init__(self, user, progress: Progress | None = None) -> None:
        if not user.is_village_user or not user.has_valid_binding or not user.is_active:
            raise PermissionDenied(_("Only the KPM and the Admin Desa of a desa can import."))
        self.user = user
        self.village_id: str = user.region_id
        self.outcome = Outcome()
        self._error_cells: set[tuple[str, int, str]] = set()
        self._bad_rows: set[tuple[str, int]] = set()
        self.unlisted = 0  # problems beyond MAX_FINDINGS, counted only
        self.unlisted_errors = False
        self.target_rows: dict[UUID, Row] = {}  # the register row of each target in the file
        self.rows: dict[str, list[Row]] = {s.kind: [] for s in c.SHEETS}
        # What the file builds, by the keys the sheets use to refer to it.
        self.file_households: dict[str, Household] = {}
        self.file_pregnancies: dict[str, Pregnancy] = {}
        self.file_children: dict[str, Child] = {}
        self.file_child_niks: dict[str, Row] = {}
        # Objects to save, in dependency order, each with the row that first touched it.
        self.to_save: dict[type, dict[UUID, tuple[models.Model, Row]]] = {
            m: {} for m in (Household, Mother, Pregnancy, Child)
        }
        self.new_keys: dict[tuple[str, str], models.Model] = {}
        self.months: dict[str, list[MonthPlan]] = {"2a": [], "2b": [], "2c": []}
        self.counts: dict[str, dict[str, int]] = {
            s.name: {"created": 0, "updated": 0, "unchanged": 0} for s in c.SHEETS
        }
        self.progress = progress
        self.done = 0  # row steps done: each row is checked once and written once
        self._told = 0

    # ---------------------------------------------------------------------------- progress

    def _tick(self, count: int = 1, *, force: bool = False) -> None:
        """Count `count` row steps done; tell the caller every PROGRESS_EVERY steps.

        The caller hears (done, total) in row steps: every row read is checked once (planning)
        and written once (saving), so total is twice the rows read; an unchanged row's write
        step is counted when the save ends.
        """
        self.done += count
        if self.progress is None or not (force or self.done - self._told >= PROGRESS_EVERY):
            return
        total = 2 * self.outcome.rows
        self._told = self.done
        self.progress(min(self.done, total), total)

    # ---------------------------------------------------------------------------- findings

    def error(self, row: Row, column: str | None, message: str, severity: str = ERROR) -> None:
        col = row.sheet.column(column) if column and self._has_column(row.sheet, column) else None
        if len(self.outcome.findings) >= MAX_FINDINGS:
            # Counted, not listed (see MAX_FINDINGS); an error still refuses the file.
            self.unlisted += 1
            if severity == ERROR:
                self._bad_rows.add((row.sheet.name, row.number))
                self.unlisted_errors = True
            return
        if severity == ERROR:
            # One error per cell: an unreadable cell would otherwise also fail the model's
            # "required" check and be reported twice.
            where = (row.sheet.name, row.number, col.field if col else message)
            if where in self._error_cells:
                return
            self._error_cells.add(where)
            self._bad_rows.add((row.sheet.name, row.number))
        self.outcome.findings.append(
            Finding(
                row.sheet.name,
                row.number,
                col.header if col else "",
                row.cols.get(col.field) if col else None,
                message,
                severity,
            )
        )

    def _is_bad(self, row: Row) -> bool:
        return (row.sheet.name, row.number) in self._bad_rows

    @staticmethod
    def _has_column(sheet: c.Sheet, name: str) -> bool:
        return any(col.field == name for col in sheet.columns)

    def problems(self, row: Row, problems: list[Problem], names: dict[str, str] | None = None):
        for p in problems:
            column = (names or {}).get(p.field or "", p.field)
            self.error(row, column, p.message, ERROR if p.is_error else WARNING)

    def validate(self, obj: models.Model, row: Row, names: dict[str, str] | None = None) -> None:
        """The model layer's rules (field checks and clean()) on an unsaved state."""
        try:
            # Relations are excluded: they may point at rows of this file not saved yet. The
            # NIK columns are left to clean(): its NIK rules say more than "max 16 characters".
            exclude = [*_relations(obj), "nik", "temp_number"]
            obj.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            for name, messages in exc.message_dict.items():
                column = (names or {}).get(name, name)
                for message in messages:
                    self.error(row, column, message)

    # ---------------------------------------------------------------------------- 1. read

    def read(self, fileobj: IO[bytes]) -> None:
        try:
            wb = openpyxl.load_workbook(fileobj, read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001
            # Any failure of the parser on an uploaded file (not a zip, a zip without the
            # workbook parts, broken XML: BadZipFile, KeyError, SyntaxError, openpyxl's own
            # exceptions...) means the same to the user: the file cannot be read.
            log.info("unreadable workbook from %s: %r", self.user, exc)
            self.outcome.findings.append(
                Finding(
                    "",
                    0,
                    "",
                    None,
                    _(
                        "This file is not an Excel workbook (.xlsx) that can be read. Save it "
                        "from Excel or LibreOffice as .xlsx, starting from the template."
                    ),
                )
            )
            return
        try:
            by_name = {name.strip().casefold(): name for name in wb.sheetnames}
            known = {s.name.casefold() for s in c.SHEETS} | {c.INSTRUCTIONS_SHEET.casefold()}
            for folded, name in by_name.items():
                if folded not in known:
                    self.outcome.findings.append(
                        Finding(name, 0, "", None, _("Unknown sheet, ignored."), WARNING)
                    )
            if not any(s.name.casefold() in by_name for s in c.SHEETS):
                self.outcome.findings.append(
                    Finding(
                        "",
                        0,
                        "",
                        None,
                        _("The file has none of the template's sheets (%(names)s).")
                        % {"names": ", ".join(s.name for s in c.SHEETS)},
                    )
                )
            for sheet in c.SHEETS:
                name = by_name.get(sheet.name.casefold())
                if name is not None:
                    self._read_sheet_guarded(sheet, wb, name)
        finally:
            wb.close()

    def _read_sheet_guarded(self, sheet: c.Sheet, wb, name: str) -> None:
        try:
            self._read_sheet(sheet, wb[name])
        except (cells.CellError, PermissionDenied, ValidationError, DatabaseError):
            raise
        except Exception as exc:  # noqa: BLE001
            # The parser fails on a damaged sheet only while iterating its rows (read-only
            # mode): a broken XML part, a date cell whose number is beyond any date.
            log.warning("sheet %s of an upload by %s unreadable: %r", name, self.user, exc)
            self.outcome.findings.append(
                Finding(
                    sheet.name,
                    0,
                    "",
                    None,
                    _(
                        "This sheet is damaged and cannot be read completely. Open the file in "
                        "Excel or LibreOffice, save it again as .xlsx and upload that copy."
                    ),
                )
            )

    def _read_sheet(self, sheet: c.Sheet, ws) -> None:
        header = next(ws.iter_rows(max_row=1, values_only=True), None) or ()
        wanted = {col.header.casefold(): col for col in sheet.columns}
        found: dict[str, tuple[c.Column, int]] = {}
        header_row = Row(sheet, 1, {}, {})
        for index, raw in enumerate(header, start=1):
            if cells.is_empty(raw):
                continue
            text = str(raw).strip().rstrip("*").strip()
            col = wanted.get(text.casefold())
            if col is None:
                self.outcome.findings.append(
                    Finding(sheet.name, 1, text, index, _("Unknown column, ignored."), WARNING)
                )
            elif col.field in found:
                self.outcome.findings.append(
                    Finding(sheet.name, 1, text, index, _("This column appears twice."))
                )
            else:
                found[col.field] = (col, index)
        for col in sheet.columns:
            if col.required and col.field not in found:
                self.error(
                    header_row,
                    None,
                    _("Column %(column)s is missing; copy the header row from the template.")
                    % {"column": col.header},
                )
        if any(col.required and col.field not in found for col in sheet.columns):
            return
        cols = {name: index for name, (_col, index) in found.items()}
        # Only the template's columns are read: a row whose only content is in other columns
        # (or that is only formatted) is empty, and a 16,384-column row costs nothing.
        rows = ws.iter_rows(min_row=2, max_col=max(cols.values()), values_only=True)
        blank_run = 0
        for number, values in enumerate(rows, start=2):
            if all(cells.is_empty(values[i - 1]) for i in cols.values() if i <= len(values)):
                blank_run += 1
                if blank_run >= MAX_BLANK_RUN:
                    self._stopped_at_blanks(sheet, ws, number)
                    return
                continue
            blank_run = 0
            self.outcome.rows += 1
            if self.outcome.rows > MAX_ROWS:
                self.error(
                    Row(sheet, number, {}, cols),
                    None,
                    _("The file has more than %(max)s rows; split it into several files.")
                    % {"max": MAX_ROWS},
                )
                return
            row = Row(sheet, number, {}, cols)
            for name, (col, index) in found.items():
                raw = values[index - 1] if index <= len(values) else None
                try:
                    row.values[name] = cells.read(raw, col)
                except cells.CellError as exc:
                    row.values[name] = None
                    self.error(row, name, str(exc))
                    continue
                if col.required and row.values[name] is None:
                    self.error(row, name, _("This column must be filled."))
            self.rows[sheet.kind].append(row)

    # ---------------------------------------------------------------------------- 2. plan

    def _scoped(self, model: type[models.Model]):
        return scoped(model.objects.alive(), self.user, write=True).filter(
            village_id=self.village_id
        )

    def prefetch(self) -> None:
        """What the desa already has, in a few queries (the file may have 10,000 rows)."""
        self.keys = {
            (k.kind, k.key): k.target_id
            for k in ImportKey.objects.filter(village_id=self.village_id)
        }
        self.households = {h.pk: h for h in self._scoped(Household)}
        self.mothers = {m.pk: m for m in self._scoped(Mother)}
        for m in self.mothers.values():
            if m.household_id in self.households:
                m.household = self.households[m.household_id]
        self.mothers_by_nik = {m.nik: m for m in self.mothers.values() if m.nik}
        self.mothers_by_name = {
            (m.household_id, m.name.casefold()): m for m in self.mothers.values()
        }
        self.pregnancies: dict[str, Pregnancy] = {}
        for p in self._scoped(Pregnancy).exclude(kia_number=""):
            if p.mother_id in self.mothers:
                p.mother = self.mothers[p.mother_id]
            self.pregnancies[p.kia_number] = p
        self.children = {ch.pk: ch for ch in self._scoped(Child)}
        for ch in self.children.values():
            if ch.household_id in self.households:
                ch.household = self.households[ch.household_id]
            if ch.mother_id in self.mothers:
                ch.mother = self.mothers[ch.mother_id]
        self.children_by_nik = {ch.nik: ch for ch in self.children.values() if ch.nik}
        # The people a new row may duplicate, by what a likely duplicate shares with it.
        self.people_by_trait: dict[tuple[str, Any], dict[UUID, Mother | Child]] = {}
        for m in self.mothers.values():
            self._index_person(m)
        for ch in self.children.values():
            self._index_person(ch)
        self.posyandu = {
            p.name.casefold(): p
            for p in Posyandu.objects.filter(village_id=self.village_id, active=True)
        }
        self.records: dict[tuple[str, UUID, date], models.Model] = {}
        for kind, model in FORM_MODELS.items():
            months = {r.get("month") for r in self.rows[kind]} - {None}
            if not months:
                continue
            for rec in self._scoped(model).filter(month__in=months):
                self.records[(kind, getattr(rec, f"{model.TARGET_FIELD}_id"), rec.month)] = rec

    # ------------------------------------------------------------------- likely duplicates

    @staticmethod
    def _traits(person: Mother | Child) -> list[tuple[str, Any]]:
        kind = type(person).__name__
        traits = [(f"{kind}.birth_date", person.birth_date)]
        if isinstance(person, Child):
            traits += [("Child.mother", person.mother_id), ("Child.nik", person.nik)]
            traits += [("Child.temp_number", person.temp_number)]
        return [(k, v) for k, v in traits if v]

    def _index_person(self, person: Mother | Child) -> None:
        for trait in self._traits(person):
            self.people_by_trait.setdefault(trait, {})[person.pk] = person

    def _warn_duplicates(self, row: Row, person: Mother | Child, names: dict[str, str]) -> None:
        """A new person who may already be in the desa (or earlier in this file): a warning.

        The same check as the register page and the API (`tikar.households.duplicates`), run on
        the people held in memory. Existing people matched by key or NIK are not new, so they
        are not asked about; the warning does not block the file, like a NIK warning.
        """
        others: dict[UUID, Mother | Child] = {}
        for trait in self._traits(person):
            # The latest few of each kind, as the page's query reads a few rows: a file of
            # thousands of children on one birth date must not cost a comparison per pair.
            bucket = reversed(self.people_by_trait.get(trait, {}).values())
            others.update((p.pk, p) for p in islice(bucket, duplicates.MAX_CANDIDATES))
        found = []
        for other in others.values():
            if other.pk == person.pk:
                continue
            if isinstance(person, Mother):
                reason = duplicates.mother_match(
                    name=person.name, nik=person.nik, birth_date=person.birth_date, other=other
                )
                if reason:
                    head = other.household.head_name if other.household_id else ""
                    found.append(duplicates.mother_entry(other, reason, head))
            else:
                reason = duplicates.child_match(
                    name=person.name,
                    nik=person.nik,
                    temp_number=person.temp_number,
                    birth_date=person.birth_date,
                    mother_id=person.mother_id,
                    other=other,
                )
                if reason:
                    found.append(duplicates.child_entry(other, reason))
        for d in found:
            problem = d.problem()
            self.error(row, names.get(problem.field or "", problem.field), problem.message, WARNING)
        self._index_person(person)

    def _existing_household(self, key: str) -> Household | None:
        target_id = self.keys.get(("household", key)) or _as_uuid(key)
        return self.households.get(target_id) if target_id else None

    def _household(self, row: Row, name: str = "household") -> Household | None:
        key = row.get(name)
        if key is None:
            return None
        household = self.file_households.get(key) or self._existing_household(key)
        if household is None:
            self.error(
                row,
                name,
                _(
                    "No household with key '%(key)s' on sheet Rumah tangga or in this desa; "
                    "add it to sheet Rumah tangga or correct the key."
                )
                % {"key": key},
            )
        return household

    def _existing_child(self, key: str, nik: str | None) -> Child | None:
        target_id = self.keys.get(("child", key))
        if target_id in self.children:
            return self.children[target_id]
        if nik and nik in self.children_by_nik:
            return self.children_by_nik[nik]
        if key in self.children_by_nik:  # the user chose the child's NIK as its key
            return self.children_by_nik[key]
        target_id = _as_uuid(key)
        return self.children.get(target_id) if target_id else None

    def _posyandu(self, row: Row) -> Posyandu | None:
        name = row.get("posyandu")
        if name is None:
            return None
        found = self.posyandu.get(name.casefold())
        if found is None:
            names = ", ".join(p.name for p in self.posyandu.values()) or _("none yet")
            self.error(
                row,
                "posyandu",
                _("No posyandu named '%(name)s' in this desa; write one of: %(names)s.")
                % {"name": name, "names": names},
            )
        return found

    @staticmethod
    def _apply(obj: models.Model, values: dict[str, Any]) -> bool:
        """Set the filled-in values; an empty cell keeps what is stored. True if any changed."""
        changed = False
        for name, value in values.items():
            if value is not None and getattr(obj, name) != value:
                setattr(obj, name, value)
                changed = True
        return changed

    def _remember(self, obj: models.Model, row: Row, changed: bool, sheet: c.Sheet | None) -> None:
        adding = obj._state.adding
        if adding or changed:
            self.to_save[type(obj)].setdefault(obj.pk, (obj, row))
        if sheet is not None:
            outcome = "created" if adding else ("updated" if changed else "unchanged")
            self.counts[sheet.name][outcome] += 1

    def _new(self, model: type[models.Model], **values) -> models.Model:
        return model(village_id=self.village_id, created_by=self.user, **values)

    def _first_row(self, seen: dict, key: Any, row: Row, column: str) -> bool:
        """Record `key` as used by `row`; report a second use. True when it is the first."""
        if key in seen:
            self.error(
                row,
                column,
                _("'%(key)s' already appears on row %(row)s of this sheet; one row each.")
                % {"key": key, "row": seen[key].number},
            )
            return False
        seen[key] = row
        return True

    def plan_households(self) -> None:
        seen: dict[str, Row] = {}
        for row in self.rows["household"]:
            self._tick()
            key = row.get("key")
            if key is None or not self._first_row(seen, key, row, "key"):
                continue
            household = self._existing_household(key) or self._new(Household)
            changed = self._apply(household, {f: row.get(f) for f in HOUSEHOLD_FIELDS})
            self.validate(household, row)
            self._remember(household, row, changed, c.HOUSEHOLDS)
            self.file_households[key] = household
            if _as_uuid(key) != household.pk:
                self.new_keys[("household", key)] = household

    def _mother(
        self, row: Row, household: Household, values: dict[str, Any], names: dict[str, str]
    ) -> Mother | None:
        """The mother a row names, by NIK in the desa or by name in the household; else new."""
        nik, name = values.get("nik"), values.get("name")
        new = False
        mother = self.mothers_by_nik.get(nik) if nik else None
        if mother is None and name:
            mother = self.mothers_by_name.get((household.pk, name.casefold()))
        if mother is None:
            if not name:
                self.error(
                    row,
                    names["nik"],
                    _("No mother with this NIK in this desa; fill in her name to add her."),
                )
                return None
            mother = self._new(Mother, household=household)
            self.mothers[mother.pk] = mother
            new = True
        elif mother.household_id != household.pk:
            self.error(
                row,
                names["nik"],
                _(
                    "This mother is registered in another household (head: %(head)s); use that "
                    "household's key."
                )
                % {"head": mother.household.head_name},
            )
            return None
        changed = self._apply(mother, values)
        self.validate(mother, row, names)
        self.problems(row, mother.warnings(), names)
        if new:
            self._warn_duplicates(row, mother, names)
        self._remember(mother, row, changed, None)
        if mother.nik:
            self.mothers_by_nik[mother.nik] = mother
        self.mothers_by_name[(household.pk, mother.name.casefold())] = mother
        return mother

    def plan_pregnancies(self) -> None:
        seen: dict[str, Row] = {}
        same = {n: n for n in ("name", "nik", "birth_date", "phone")}
        for row in self.rows["pregnancy"]:
            self._tick()
            kia = row.get("kia_number")
            if kia is None or not self._first_row(seen, kia, row, "kia_number"):
                continue
            household = self._household(row)
            if household is None:
                continue
            mother_values = {n: row.get(n) for n in same}
            pregnancy = self.pregnancies.get(kia)
            if pregnancy is not None:
                mother = pregnancy.mother
                nik = row.get("nik")
                if nik and mother.nik and nik != mother.nik:
                    self.error(
                        row,
                        "kia_number",
                        _(
                            "No Register KIA %(kia)s is already used in this desa for "
                            "%(name)s (another NIK); each KIA number once per desa."
                        )
                        % {"kia": kia, "name": mother.name},
                    )
                    continue
                if mother.household_id != household.pk:
                    self.error(
                        row,
                        "household",
                        _("This pregnancy is registered in another household (head: %(head)s).")
                        % {"head": mother.household.head_name},
                    )
                    continue
                changed_mother = self._apply(mother, mother_values)
                self.validate(mother, row, same)
                self.problems(row, mother.warnings(), same)
                self._remember(mother, row, changed_mother, None)
            else:
                mother = self._mother(row, household, mother_values, same)
                if mother is None:
                    continue
                pregnancy = self._new(Pregnancy, mother=mother, kia_number=kia)
            values = {f: row.get(f) for f in PREGNANCY_FIELDS}
            values["posyandu"] = self._posyandu(row)
            changed = self._apply(pregnancy, values)
            self.validate(pregnancy, row)
            self._remember(pregnancy, row, changed, c.PREGNANCIES)
            self.file_pregnancies[kia] = pregnancy

    def plan_children(self) -> None:
        seen: dict[str, Row] = {}
        mother_names = {"nik": "mother_nik", "name": "mother_name", "birth_date": ""}
        mother_names["phone"] = ""
        for row in self.rows["child"]:
            self._tick()
            key = row.get("key")
            if key is None or not self._first_row(seen, key, row, "key"):
                continue
            nik = row.get("nik")
            child = self._existing_child(key, nik)
            household = self._household(row)
            if row.get("household") is not None and household is None:
                continue
            if child is None:
                if household is None:
                    self.error(row, "household", _("A new child needs its household's key."))
                    continue
                child = self._new(Child, household=household)
            elif household is not None and child.household_id != household.pk:
                self.error(
                    row,
                    "household",
                    _("This child is registered in another household (head: %(head)s).")
                    % {"head": child.household.head_name},
                )
                continue
            # Known from here on, even if this row turns out bad: its monthly rows then
            # report their own problems instead of "no child with this key".
            self.file_children[key] = child
            self.target_rows[child.pk] = row
            if nik:
                other = self.children_by_nik.get(nik)
                if other is not None and other.pk != child.pk:
                    self.error(
                        row,
                        "nik",
                        _("This NIK already belongs to %(name)s in this desa; check it.")
                        % {"name": other.name},
                    )
                    continue
                if not self._first_row(self.file_child_niks, nik, row, "nik"):
                    continue
            changed = False
            if row.get("mother_nik") or row.get("mother_name"):
                mother = self._mother(
                    row,
                    child.household,
                    {"nik": row.get("mother_nik"), "name": row.get("mother_name")},
                    mother_names,
                )
                if mother is None:
                    continue
                if child.mother_id != mother.pk:
                    child.mother = mother
                    changed = True
            values = {f: row.get(f) for f in CHILD_FIELDS}
            values["posyandu"] = self._posyandu(row)
            changed = self._apply(child, values) or changed
            self.validate(child, row)
            self.problems(row, child.warnings())
            if child._state.adding:
                self._warn_duplicates(row, child, {})
            self._remember(child, row, changed, c.CHILDREN)
            if child.nik:
                self.children_by_nik[child.nik] = child
            if _as_uuid(key) != child.pk and key != child.nik:
                self.new_keys[("child", key)] = child

    def plan_months(self, kind: str) -> None:
        sheet = next(s for s in c.SHEETS if s.kind == kind)
        model = FORM_MODELS[kind]
        seen: dict[tuple[UUID, date], Row] = {}
        names = [col.field for col in sheet.columns if col.field not in ("target", "month")]
        # Translated once per sheet, not per row.
        if kind == rules.FORM_2A:
            missing = _(
                "No pregnancy with No Register KIA '%(key)s' on sheet Ibu hamil or in this "
                "desa; add it to sheet Ibu hamil or correct the number."
            )
        else:
            missing = _(
                "No child with key '%(key)s' on sheet Anak or in this desa; add it to sheet "
                "Anak or correct the key."
            )
        for row in self.rows[kind]:
            self._tick()
            key, month = row.get("target"), row.get("month")
            if key is None or month is None:
                continue
            if kind == rules.FORM_2A:
                target: Target | None = self.file_pregnancies.get(key) or self.pregnancies.get(key)
            else:
                target = self.file_children.get(key) or self._existing_child(key, None)
            if target is None:
                self.error(row, "target", missing % {"key": key})
                continue
            if (target.pk, month) in seen:
                self.error(
                    row,
                    "month",
                    _(
                        "Row %(row)s already has %(month)s for this target; one row per target "
                        "and month."
                    )
                    % {"row": seen[(target.pk, month)].number, "month": month_name(month)},
                )
                continue
            seen[(target.pk, month)] = row
            target_row = self.target_rows.get(target.pk)
            target_bad = target_row is not None and self._is_bad(target_row)
            # A child whose own row is wrong (e.g. its birth date) is reported there once; its
            # months are not judged against a birth date that is about to be corrected.
            if (
                isinstance(target, Child)
                and not target_bad
                and not self._child_in_cohort(row, target, month, kind)
            ):
                continue
            fields = {n: row.get(n) for n in names if row.get(n) is not None}
            if "posyandu" in fields:
                fields["posyandu"] = self._posyandu(row)
                if fields["posyandu"] is None:
                    continue
            existing = self.records.get((kind, target.pk, month))
            if existing is not None and self._same(existing, fields):
                # record_month would find nothing to change either ("unchanged"); skipping it
                # saves its look-ups, which makes re-importing a file cheap.
                self.counts[sheet.name]["unchanged"] += 1
                continue
            record = copy.copy(existing) if existing is not None else None
            if record is None:
                record = model(month=month, village_id=self.village_id)
                setattr(record, model.TARGET_FIELD, target)
            for name, value in fields.items():
                setattr(record, name, value)
            record.check_followed = not target_bad  # see MonthlyRecord.followed_problems
            self.validate(record, row)
            fresh = record if existing is None else None
            self.months[kind].append(MonthPlan(row, target, month, fields, fresh))

    @staticmethod
    def _same(record: models.Model, fields: dict[str, Any]) -> bool:
        for name, value in fields.items():
            current = getattr(record, f"{name}_id" if name == "posyandu" else name)
            if (value.pk if isinstance(value, Posyandu) else value) != current:
                return False
        return True

    def _child_in_cohort(self, row: Row, child: Child, month: date, kind: str) -> bool:
        if child.birth_date is None or kind in rules.child_record_forms(child.birth_date, month):
            return True
        from tikar.calendar import age_in_months

        age = age_in_months(child.birth_date, max(month, child.birth_date))
        if month < child.birth_date.replace(day=1):
            message = _("%(name)s was not born yet in %(month)s.")
        elif kind == rules.FORM_2B:
            message = _(
                "%(name)s is %(age)s months old in %(month)s: sheet Pemantauan 2b is for "
                "0-59 months (from 24 months the weighing only). Put the row on sheet "
                "Pemantauan 2c."
            )
        else:
            message = _(
                "%(name)s is %(age)s months old in %(month)s: Formulir 2c is for 2 to 6 years."
            )
        self.error(
            row,
            "month",
            message % {"name": child.name, "age": age, "month": month_name(month)},
        )
        return False

    # ---------------------------------------------------------------------------- 3. save

    def save(self) -> None:
        """Write the plan: new rows in bulk, changed rows through their own save path.

        New households, mothers, pregnancies, children and monthly records (all of a first
        import) are written with a few bulk statements that do what each row's save() and its
        signals do (`_bulk_register`, `_bulk_months`). Rows that change a stored record are few
        and carry the edit rules (a corrected birth date re-scores the child's visits, an
        edited month is locked and merged by `record_month`), so they still go through those
        paths one by one. A bulk statement the database refuses (a month a phone created
        meanwhile, a constraint) is undone to its savepoint and its rows are written one by
        one, which edits that month, or reports the refused row, exactly as before.
        """
        new = {
            model: [(obj, row) for obj, row in objects.values() if obj._state.adding]
            for model, objects in self.to_save.items()
        }
        new_ids = {obj.pk for pairs in new.values() for obj, _row in pairs}
        if new_ids:
            try:
                with transaction.atomic():
                    self._bulk_register(new)
            except DatabaseError as exc:
                log.info("bulk insert of the register refused, saving row by row: %s", exc)
                for pairs in new.values():
                    for obj, row in pairs:
                        _unsave(obj)
                        obj._history_user = self.user
                        self._guarded(row, obj.save)
        for objects in self.to_save.values():
            for obj, row in objects.values():
                if obj.pk not in new_ids:
                    obj._history_user = self.user
                    self._guarded(row, obj.save)
        self._save_keys()
        self._tick(sum(len(objects) for objects in self.to_save.values()), force=True)
        if self._months_locked():
            # A month of a validated quarter: the row path refuses it with the same message
            # on the same (first) row as it always did.
            self._save_months_row_by_row()
            return
        creates: dict[str, list[MonthPlan]] = {}
        for kind, plans in self.months.items():
            edits = []
            for plan in plans:
                if (kind, plan.target.pk, plan.month) in self.records:
                    edits.append(plan)
                else:
                    creates.setdefault(kind, []).append(plan)
            # First, so that the new months' weighing judgement reads the edited ones.
            self._record_months(kind, edits)
        for kind, plans in creates.items():
            try:
                with transaction.atomic():
                    self._bulk_months(kind, plans)
            except DatabaseError as exc:
                # Typically a month a phone created after this import read the desa: the row
                # path (record_month) turns it into an edit, as it always did.
                log.info("bulk insert of %s months refused, saving row by row: %s", kind, exc)
                self._record_months(kind, plans)

    def save_row_by_row(self) -> None:
        """The plan written one row at a time through save() / record_month: the old path,
        kept for `save`'s fallbacks and as the reference of the equivalence test."""
        for objects in self.to_save.values():
            for obj, row in objects.values():
                obj._history_user = self.user
                self._guarded(row, obj.save)
        self._save_keys()
        self._save_months_row_by_row()

    def _save_months_row_by_row(self) -> None:
        for kind, plans in self.months.items():
            self._record_months(kind, plans)

    def _record_months(self, kind: str, plans: list[MonthPlan]) -> None:
        sheet_name = next(s.name for s in c.SHEETS if s.kind == kind)
        for plan in plans:
            result = self._guarded(
                plan.row,
                lambda p=plan, k=kind: record_month(p.target, p.month, p.fields, self.user, form=k),
            )
            counts = self.counts[sheet_name]
            counts[result.outcome] = counts.get(result.outcome, 0) + 1
            self.problems(plan.row, result.warnings)
            self._tick()

    def _save_keys(self) -> None:
        """The user's keys of the targets: new ones in one statement, moved ones one by one."""
        fresh, moved = [], []
        for (kind, key), target in self.new_keys.items():
            stored = self.keys.get((kind, key))
            if stored is None:
                fresh.append((kind, key, target))
            elif stored != target.pk:
                moved.append((kind, key, target))
        if fresh:
            rows = [
                ImportKey(village_id=self.village_id, kind=kind, key=key, target_id=target.pk)
                for kind, key, target in fresh
            ]
            try:
                with transaction.atomic():
                    ImportKey.objects.bulk_create(rows)
            except DatabaseError:
                moved = fresh + moved  # a key stored meanwhile: update_or_create finds it
        for kind, key, target in moved:
            ImportKey.objects.update_or_create(
                village_id=self.village_id,
                kind=kind,
                key=key,
                defaults={"target_id": target.pk},
            )

    def _bulk_register(self, new: dict[type, list[tuple[models.Model, Row]]]) -> None:
        """Insert the new register rows as their save() would: village copied from the parent,
        version 1, the next change numbers in save order, one audit row each by the user."""
        ordered = [obj for pairs in new.values() for obj, _row in pairs]
        for obj, seq in zip(ordered, reserve_change_seqs(len(ordered)), strict=True):
            _stamp(obj, seq)
            if isinstance(obj, Target):
                obj._changed_after_verification = False  # new: never verified
        for model, pairs in new.items():
            objs = [obj for obj, _row in pairs]
            if objs:
                _insert_objects(model, objs)
                _bulk_history(model, objs, self.user)
        for obj in ordered:
            # What save() leaves on the instance for a later save of the same object.
            if isinstance(obj, Target):
                obj._verified_on_load = obj.verified_at is not None
            if isinstance(obj, Child):
                obj._scored_from = (obj.birth_date, obj.sex)
                obj.locked_quarters_kept = []
        # No post_save work for them: a new pregnancy or child has no months to mark dirty.

    def _months_locked(self) -> bool:
        """Whether any month of the plan lies in a validated (locked) quarter of the desa."""
        quarters = {
            (plan.month.year, quarter_of(plan.month))
            for plans in self.months.values()
            for plan in plans
        }
        if not quarters:
            return False
        locked = QuarterLock.objects.filter(
            village_id=self.village_id, locked_at__isnull=False
        ).values_list("year", "quarter")
        return any(q in quarters for q in locked)

    def _bulk_months(self, kind: str, plans: list[MonthPlan]) -> None:
        """Insert new monthly records as `record_month` + save() + their signals would.

        Per record, as the row path: the client values normalised (`services._normalise`),
        village copied from the target, version 1, the next change number in file order, the
        WHO results of a 2b record (`ChildVisit.compute_growth`), one audit row by the user.
        Per import: the weighing judgement N/T/O/B of every touched child in memory (the
        child's stored visits read once, the changed ones updated in one statement), the
        desa's dirty quarters in one INSERT, and the growth warnings of each measurement.
        The plan was validated with the same model rules; the quarter lock was checked by
        `_months_locked`.
        """
        model = FORM_MODELS[kind]
        sheet_name = next(s.name for s in c.SHEETS if s.kind == kind)
        is_2b = model is ChildVisit
        targets = {plan.target.pk: plan.target for plan in plans}
        stored: dict[UUID, list[ChildVisit]] = {}
        if is_2b:
            stored = self._stored_visits([pk for pk in targets if pk in self.children])
        records = []
        now = timezone.now()
        for plan in plans:
            record = plan.record
            if record is None or getattr(record, model.TARGET_FIELD) is not plan.target:
                record = model(**{model.TARGET_FIELD: plan.target, "month": plan.month})
            # The planned object (validated, unsaved) completed as record_month builds it:
            # reusing it spares a second model __init__ per row, the costliest step here.
            record.__dict__.pop("check_followed", None)
            record.village_id = plan.target.village_id
            record.created_by = self.user
            record.created_at = now  # one time for the file's new months (converted once)
            for attname, value in _normalise(model, plan.fields).items():
                setattr(record, attname, value)
            records.append(record)
        scores = ChildVisit.compute_growth_many(records) if is_2b else [None] * len(records)
        for record, seq in zip(records, reserve_change_seqs(len(records)), strict=True):
            _stamp(record, seq)
        history_overrides: dict[str, Any] = {}
        changed_stored: list[ChildVisit] = []
        if is_2b:
            # The audit row is the record as its save() wrote it: the judgement comes after
            # (refresh_child's bulk_update writes no history), so the row keeps the defaults.
            history_overrides = {
                name: ChildVisit._meta.get_field(name).get_default()
                for name in weighing.STORED_FIELDS
            }
            by_child: dict[UUID, list[ChildVisit]] = {
                pk: list(visits) for pk, visits in stored.items()
            }
            for record in records:
                by_child.setdefault(record.child_id, []).append(record)
            births = {pk: t.birth_date for pk, t in targets.items()}
            changed_stored = weighing.judge_in_memory(
                births, by_child, kbm_table_for(self.village_id)
            )
            new_ids = {r.pk for r in records}
            changed_stored = [v for v in changed_stored if v.pk not in new_ids]
        _insert_objects(model, records)
        _bulk_history(model, records, self.user, history_overrides)
        if changed_stored:
            ChildVisit.objects.bulk_update(changed_stored, weighing.STORED_FIELDS)
        quarters: set[tuple[int, int]] = set()
        for record in records:
            birth = record.child.birth_date if is_2b else None
            quarters |= quarters_touched(kind, record.month, birth)
        mark_dirty(self.village_id, quarters)
        self.counts[sheet_name]["created"] += len(records)
        if is_2b:
            self._growth_warnings(plans, records, scores, stored)
        self._tick(len(records))

    def _stored_visits(self, child_ids: list[UUID]) -> dict[UUID, list[ChildVisit]]:
        """The alive visits of stored children, locked like record_month locks the child."""
        out: dict[UUID, list[ChildVisit]] = {}
        columns = ("id", "child_id", "month", "visit_date", "weight_kg", "length_cm")
        columns += ("measured", "gain_override_reason", *weighing.STORED_FIELDS)
        for start in range(0, len(child_ids), 500):
            chunk = sorted(child_ids[start : start + 500], key=str)
            # Saves of these children's months by a phone wait for this import (and the
            # import for them), as record_month and refresh_child do per child.
            list(lock_for_update(Child.objects.filter(pk__in=chunk).order_by("pk")).values("pk"))
            for visit in ChildVisit.objects.alive().filter(child_id__in=chunk).only(*columns):
                out.setdefault(visit.child_id, []).append(visit)
        return out

    def _growth_warnings(self, plans, records, scores, stored) -> None:
        """record_month's growth warnings: each measurement against the child's latest earlier
        measured month stored when its row is reached (the rows before it in the file too)."""
        measured: dict[UUID, list[tuple[date, Any, date | None]]] = {}
        for pk, visits in stored.items():
            measured[pk] = [(v.month, v.length_cm, v.visit_date) for v in visits if v.measured]
        for plan, record, score in zip(plans, records, scores, strict=True):
            if not record.measured:
                continue
            earlier = [m for m in measured.get(record.child_id, []) if m[0] < record.month]
            previous = max(earlier, key=lambda m: m[0]) if earlier else None
            warnings = rules.growth_warnings(
                score,
                length_cm=record.length_cm,
                previous_length_cm=previous[1] if previous else None,
                previous_date=previous[2] if previous else None,
            )
            self.problems(plan.row, warnings)
            measured.setdefault(record.child_id, []).append(
                (record.month, record.length_cm, record.visit_date)
            )

    def _stopped_at_blanks(self, sheet: c.Sheet, ws, number: int) -> None:
        # The sheet's stated size (its <dimension>) tells whether anything may follow.
        if (ws.max_row or 0) <= number:
            return
        self.outcome.findings.append(
            Finding(
                sheet.name,
                number,
                "",
                None,
                _(
                    "Reading stopped here: the %(count)s rows above are empty. If data follows "
                    "further down, delete the empty rows and upload the file again."
                )
                % {"count": MAX_BLANK_RUN},
                WARNING,
            )
        )

    def _guarded(self, row: Row, action):
        """Run one save; a refusal is reported on its row and undoes the whole file."""
        try:
            return action()
        except ValidationError as exc:
            by_field = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
            for name, messages in by_field.items():
                for message in messages:
                    self.error(row, name if name != "__all__" else None, message)
        except (PermissionDenied, DatabaseError) as exc:
            # The database's own words (a CHECK constraint's name, in English) say nothing to a
            # KPM; the rules should have refused the row first, so this is logged as a gap.
            log.warning("import refused while saving row %s: %s", row.number, exc)
            if isinstance(exc, PermissionDenied):
                reason = str(exc)
            else:
                reason = _("a value is outside what can be stored; check its dates and numbers")
            self.error(row, None, _("This row could not be saved: %(reason)s") % {"reason": reason})
        raise _Rollback

    # ---------------------------------------------------------------------------- run

    def rows_read(self) -> bool:
        return any(self.rows.values())

    def plan_and_save(self) -> None:
        # Planning runs even after unreadable cells, so that one report lists every problem.
        if self.rows_read():
            self.prefetch()
            self.plan_households()
            self.plan_pregnancies()
            self.plan_children()
            for kind in ("2a", "2b", "2c"):
                self.plan_months(kind)
        if not self.outcome.errors and not self.unlisted_errors:
            try:
                # The weighing judgement (N/T/O/B) of each child once, after all its months.
                with transaction.atomic(), deferred_weighing():
                    self.save()
                self.outcome.saved = True
                # Every row is done, the unchanged ones (never written) included.
                self._tick(2 * self.outcome.rows - self.done, force=True)
            except _Rollback:
                pass

    def run(self, fileobj: IO[bytes]) -> Outcome:
        self.read(fileobj)
        if not self.rows_read():
            self.plan_and_save()  # nothing to match or save: no lock needed
        else:
            try:
                with desa_lock(self.village_id):
                    self.plan_and_save()
            except ImportBusy:
                self.outcome.saved = False
                self.outcome.findings.append(
                    Finding(
                        "",
                        0,
                        "",
                        None,
                        _(
                            "Another import into this desa is still running. Nothing of this "
                            "file was saved: upload it again in a few minutes (what the other "
                            "import saved will be recognised, not copied)."
                        ),
                    )
                )
        self.outcome.findings.sort(key=_finding_order)
        if self.unlisted:
            self.outcome.findings.append(
                Finding(
                    "",
                    0,
                    "",
                    None,
                    _(
                        "%(count)s more problems are not listed. Correct the problems above and "
                        "upload the file again to see the rest."
                    )
                    % {"count": self.unlisted},
                    ERROR if self.unlisted_errors else WARNING,
                )
            )
        self.outcome.counts = {
            name: counts for name, counts in self.counts.items() if any(counts.values())
        }
        return self.outcome


# How long an upload waits for another import of the same desa before it gives up: well above
# the time of a desa's full year (bench_import: 10,000 rows in about 20 s on a laptop).
LOCK_WAIT_SECONDS = 120


class ImportBusy(Exception):
    """Another import of the desa held the lock for longer than LOCK_WAIT_SECONDS."""


def _is_lock_wait(exc: OperationalError) -> bool:
    # SQLite: "database is locked" once its busy timeout has run out, and at once in
    # shared-cache mode (the in-memory test database). PostgreSQL: lock_timeout (55P03).
    cause = getattr(exc, "__cause__", None)
    return "locked" in str(exc) or getattr(cause, "sqlstate", None) == "55P03"


def take_desa_lock(village_id: str, wait: float) -> None:
    """Lock the desa's ImportLock row inside the caller's transaction (creating it once)."""
    if connection.vendor == "postgresql":
        # Bounded wait for the row lock, and only for it: SET LOCAL ends with the transaction.
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('lock_timeout', %s, true)", [f"{int(wait * 1000)}"])
    now = timezone.now()
    if not ImportLock.objects.filter(village_id=village_id).update(started_at=now):
        # The desa's first import. Two first imports at once: get_or_create's insert waits on
        # the primary key for the other's transaction, then finds its row.
        ImportLock.objects.get_or_create(village_id=village_id)
        ImportLock.objects.filter(village_id=village_id).update(started_at=now)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('lock_timeout', '0', true)")


@contextmanager
def desa_lock(village_id: str) -> Iterator[None]:
    """One transaction that holds the desa's import lock; raises ImportBusy after waiting.

    Imports of one desa therefore run one after the other: the second reads what the desa has
    only after the first has committed (or rolled back), so it matches the first one's records
    instead of creating them again. Imports of other desa are not held up on PostgreSQL; on
    SQLite every write waits for the one writer anyway.
    """
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    pause = 0.02
    while True:
        block = transaction.atomic()
        try:
            block.__enter__()  # SQLite (IMMEDIATE) may already wait for the write lock here
        except OperationalError as exc:
            if not _is_lock_wait(exc):
                raise
            if time.monotonic() > deadline:
                raise ImportBusy from exc
            time.sleep(pause)
            pause = min(pause * 2, 1.0)
            continue
        try:
            take_desa_lock(village_id, max(deadline - time.monotonic(), 1))
        except OperationalError as exc:
            block.__exit__(type(exc), exc, exc.__traceback__)
            if not _is_lock_wait(exc):
                raise
            if time.monotonic() > deadline:
                raise ImportBusy from exc
            time.sleep(pause)
            pause = min(pause * 2, 1.0)
            continue
        except BaseException as exc:
            block.__exit__(type(exc), exc, exc.__traceback__)
            raise
        break
    try:
        yield
    except BaseException as exc:
        if not block.__exit__(type(exc), exc, exc.__traceback__):
            raise
    else:
        block.__exit__(None, None, None)


_SHEET_ORDER = defaultdict(lambda: len(c.SHEETS), {s.name: i for i, s in enumerate(c.SHEETS)})


def _finding_order(f: Finding) -> tuple:
    return (f.severity != ERROR, _SHEET_ORDER[f.sheet], f.sheet, f.row, f.col or 0)


def import_workbook(fileobj: IO[bytes], user, progress: Progress | None = None) -> Outcome:
    """Import a workbook for `user`'s desa: the one entry point of the view, the background
    job and the benchmark.

    `progress(done, total)`, when given, is called about every PROGRESS_EVERY row steps while
    the file is checked and written (see `WorkbookImport._tick`), and once with done == total
    when the file is saved. Raises PermissionDenied for a user who may not import.
    """
    return WorkbookImport(user, progress).run(fileobj)
