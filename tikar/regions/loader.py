"""Loads the shipped Kemendagri region list, idempotently.

Used by the data migration (so a fresh install has every region) and by the
`load_regions` command (to apply a newer list). Running it twice changes nothing.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "wilayah_kepmendagri_2025.csv"
BATCH = 5000


@dataclass
class LoadResult:
    created: int = 0
    renamed: int = 0
    unchanged: int = 0


def read_rows(path: Path = DATA_FILE) -> list[tuple[str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        if [h.strip().lower() for h in header[:2]] != ["kode", "nama"]:
            raise ValueError(f"{path}: expected columns kode,nama, found {header}")
        rows = [(r[0].strip(), r[1].strip()) for r in reader if r and r[0].strip()]
    # Parents before children, so every parent exists when its children are inserted.
    rows.sort(key=lambda r: (r[0].count("."), r[0]))
    return rows


def load_regions(Region, path: Path = DATA_FILE) -> LoadResult:  # noqa: N803 (model class)
    """Insert missing regions and rename changed ones; never deletes (records point at them)."""
    result = LoadResult()
    existing = dict(Region.objects.values_list("code", "name"))
    new, renamed = [], []
    for code, name in read_rows(path):
        parent = code.rsplit(".", 1)[0] if "." in code else None
        old = existing.get(code)
        if old is None:
            new.append(Region(code=code, name=name, level=code.count(".") + 1, parent_id=parent))
        elif old != name:
            renamed.append(Region(code=code, name=name))
        else:
            result.unchanged += 1
    Region.objects.bulk_create(new, batch_size=BATCH)
    Region.objects.bulk_update(renamed, ["name"], batch_size=BATCH)
    result.created, result.renamed = len(new), len(renamed)
    return result
