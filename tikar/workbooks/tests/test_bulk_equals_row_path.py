"""The bulk import stores exactly what the row-by-row path (save() / record_month) stored.

Each workbook is imported twice into the same starting state, each time inside a transaction
that is rolled back afterwards: once through `WorkbookImport.save_row_by_row` (the old path,
every row through its own save and signals) and once through the bulk `save`. Every stored
field of every row written (register, monthly records with their z-scores and weighing
judgement, audit history, import keys, dirty quarters, change counter) is compared, apart from
ids and timestamps, and so are the counts and findings the user reads.
"""

from __future__ import annotations

from datetime import date
from io import BytesIO
from typing import Any
from uuid import UUID

from django.db import transaction

from tikar.households.models import ChangeCounter, Child, Household, Mother, Pregnancy
from tikar.monitoring.models import ChildVisit, PaudRecord, PregnancyVisit
from tikar.scorecard.models import DirtyQuarter
from tikar.test import BaseTestCase
from tikar.workbooks.importer import Outcome, WorkbookImport
from tikar.workbooks.models import ImportKey
from tikar.workbooks.tests.helpers import VALID, frozen_today, workbook

IGNORED = {"id", "history_id", "history_date", "created_at", "updated_at", "marked_at"}
MODELS = (Household, Mother, Pregnancy, Child, PregnancyVisit, ChildVisit, PaudRecord)

# Weights that give every weighing judgement: B (first weighing), N (gained enough),
# T (did not gain), O (not weighed the month before), and a length that shrinks (a warning).
GROWTH = {
    "G-1": [(12, "6,0", "60,0"), (1, "6,8", "62,0"), (2, "7,4", "63,5"), (3, "7,4", "64,0")],
    "G-2": [(12, "7,1", "66,0"), (1, "7,0", "65,0"), (3, "7,6", "67,0"), (4, "8,0", "68,0")],
    "G-3": [(1, "5,2", "57,0"), (2, "5,9", "59,0"), (4, "6,3", "61,0"), (5, "6,3", None)],
}


class RowByRow(WorkbookImport):
    """The old write path: every row through save() / record_month."""

    def save(self) -> None:
        self.save_row_by_row()


def growth_workbook(**changes: Any) -> dict[str, list[dict[str, Any]]]:
    data = {name: [dict(r) for r in rows] for name, rows in VALID.items()}
    births = {"G-1": date(2025, 9, 3), "G-2": date(2025, 7, 20), "G-3": date(2025, 11, 28)}
    births.update(changes.pop("births", {}))
    for key, birth in births.items():
        data["Anak"].append(
            {
                "Kunci anak": key,
                "Kunci rumah tangga": "RT-001",
                "Nama anak": f"Anak {key}",
                "Jenis kelamin": "P" if key == "G-2" else "L",
                "Tanggal lahir": birth,
            }
        )
    growth = {k: list(v) for k, v in GROWTH.items()}
    growth.update(changes.pop("growth", {}))
    for key, months in growth.items():
        for month, weight, length in months:
            year = 2025 if month >= 11 else 2026
            data["Pemantauan 2b"].append(
                {
                    "Kunci anak": key,
                    "Bulan": f"{year}-{month:02d}",
                    "Tanggal kunjungan": date(year, month, 9),
                    "Berat badan (kg)": weight,
                    "Panjang/tinggi badan (cm)": length,
                    "Cara ukur": "Terlentang" if length else None,
                    "Hasil tikar pertumbuhan": "Hijau",
                }
            )
    assert not changes, changes
    return data


def snapshot() -> dict[str, Any]:
    """Every row the import can write, ids replaced by a readable label of the row named."""
    labels: dict[UUID, str] = {}
    for h in Household.objects.all():
        labels[h.pk] = f"household {h.head_name}"
    for model in (Mother, Child):
        for person in model.objects.all():
            labels[person.pk] = f"{model.__name__} {person.name}"
    for p in Pregnancy.objects.all():
        labels[p.pk] = f"pregnancy {p.kia_number}"
    for model in (PregnancyVisit, ChildVisit, PaudRecord):
        for r in model.objects.all():
            labels[r.pk] = f"{model.__name__} {labels[r.target.pk]} {r.month}"

    def rows(qs) -> list[dict[str, Any]]:
        out = []
        for row in qs.values():
            out.append(
                {
                    k: labels.get(v, f"unknown {v}") if isinstance(v, UUID) else v
                    for k, v in row.items()
                    if k not in IGNORED
                }
            )
        return sorted(out, key=repr)

    shot: dict[str, Any] = {}
    for model in MODELS:
        shot[model.__name__] = rows(model.objects.all())
        shot[f"{model.__name__} history"] = rows(model.history.all())
    shot["ImportKey"] = rows(ImportKey.objects.all())
    shot["DirtyQuarter"] = rows(DirtyQuarter.objects.all())
    shot["change counter"] = list(ChangeCounter.objects.values_list("name", "value"))
    return shot


def without_change_seq(shot: dict[str, Any]) -> tuple[dict[str, Any], list[int]]:
    """The snapshot without change numbers, and the numbers handed out (one per save, each
    kept by the save's audit row) sorted."""
    seqs = sorted(
        r["change_seq"] for name, rows in shot.items() if name.endswith(" history") for r in rows
    )
    bare = {
        name: [{k: v for k, v in r.items() if k != "change_seq"} for r in rows]
        if isinstance(rows, list) and rows and isinstance(rows[0], dict)
        else rows
        for name, rows in shot.items()
    }
    return bare, seqs


def reported(outcome: Outcome) -> tuple:
    return outcome.saved, outcome.counts, [f.as_dict() for f in outcome.findings]


class BulkEqualsRowPathTests(BaseTestCase):
    def setUp(self) -> None:
        clock = frozen_today()
        clock.start()
        self.addCleanup(clock.stop)

    def both(self, content: bytes) -> tuple[tuple, dict, tuple, dict]:
        """Import `content` through each path from the same state; nothing of either stays."""
        results = []
        for cls in (RowByRow, WorkbookImport):
            with transaction.atomic():
                outcome = cls(self.sari).run(BytesIO(content))
                results += [reported(outcome), snapshot()]
                transaction.set_rollback(True)
        return tuple(results)

    def assertSame(self, old: dict, new: dict) -> None:
        for name in old:
            self.assertEqual(new[name], old[name], name)

    def test_it_stores_the_same_rows_and_history_on_a_first_import(self) -> None:
        old_report, old, new_report, new = self.both(workbook(growth_workbook()))

        self.assertTrue(old_report[0], old_report)
        self.assertEqual(new_report, old_report)
        self.assertSame(old, new)
        # The file really exercised what the bulk path reproduces.
        codes = {r["weight_gain"] for r in new["ChildVisit"]}
        self.assertEqual(codes, {"B", "N", "T", "O"})
        self.assertEqual(len(new["ChildVisit history"]), len(new["ChildVisit"]))
        self.assertTrue(new["DirtyQuarter"])
        self.assertTrue(any(f["severity"] == "warning" for f in new_report[2]), new_report)

    def test_it_stores_the_same_when_the_file_edits_and_adds_to_a_desa(self) -> None:
        first = WorkbookImport(self.sari).run(BytesIO(workbook(growth_workbook())))
        self.assertTrue(first.saved, [f.text() for f in first.errors])
        later = growth_workbook(
            # A corrected birth date (re-scores the stored visits), an edited month, months
            # added before, between and after the stored ones, and a new child.
            births={"G-4": date(2025, 10, 1)},
            growth={
                "G-1": [*GROWTH["G-1"][:3], (3, "7,9", "64,0"), (4, "8,3", "65,0")],
                "G-2": [(11, "6,7", "64,0"), *GROWTH["G-2"], (2, "7,3", "66,0")],
                "G-4": [(2, "5,0", "56,0"), (3, "5,6", "57,5")],
            },
        )
        later["Anak"][2]["Tanggal lahir"] = date(2025, 9, 13)  # G-1

        old_report, old, new_report, new = self.both(workbook(later))

        self.assertTrue(old_report[0], old_report)
        self.assertEqual(new_report, old_report)
        # New rows are written before the edits, so the same change numbers went to other
        # saves (an edited child re-scores its visits after, not before, the new child).
        (old_bare, old_seqs), (new_bare, new_seqs) = (
            without_change_seq(old),
            without_change_seq(new),
        )
        self.assertEqual(new_seqs, old_seqs)
        self.assertSame(old_bare, new_bare)
        self.assertEqual(new_report[1]["Pemantauan 2b"]["created"], 5)
        self.assertEqual(new_report[1]["Pemantauan 2b"]["updated"], 1)
