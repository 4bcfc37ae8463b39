"""INSERT many rows at once with executemany, converting values as the ORM's save() would.

What `bulk_create` sends, without its per-value compilation: the demo population generator and
the Excel import's bulk path both write tens of thousands of rows of 30-70 columns, where that
compilation is most of the time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.db import connection, models

# Columns whose Python values every database driver takes as they are: no conversion call.
DRIVER_NATIVE = frozenset(
    {
        "BooleanField",
        "CharField",
        "TextField",
        "FloatField",
        "IntegerField",
        "SmallIntegerField",
        "BigIntegerField",
        "PositiveIntegerField",
        "PositiveSmallIntegerField",
        "PositiveBigIntegerField",
    }
)

# Conversions of aware datetimes are the same for every DateTimeField: one memory for all
# (a history row copies its record's created_at and updated_at), per database vendor.
_SHARED_DATETIMES: dict[str, dict[Any, Any]] = {}


def converter(f: models.Field) -> Callable[[Any], Any] | None:
    """The ORM's own conversion of column `f`'s values for the database (`get_db_prep_save`:
    UUIDs, dates, aware datetimes, decimals, per vendor), remembered per distinct value (most
    values repeat: the desa, the child of twelve monthly records, the month); None for a
    column whose values the driver takes as they are."""
    kind = f.get_internal_type()
    if kind in DRIVER_NATIVE:
        return None
    seen: dict[Any, Any] = (
        _SHARED_DATETIMES.setdefault(connection.vendor, {}) if kind == "DateTimeField" else {}
    )

    def convert(value: Any) -> Any:
        key = (type(value), value)
        try:
            return seen[key]
        except KeyError:
            seen[key] = out = f.get_db_prep_save(value, connection)
            return out
        except TypeError:  # not hashable (a dict for a JSON column)
            return f.get_db_prep_save(value, connection)

    return convert


def insert_rows(
    model: type[models.Model],
    fields: list[models.Field],
    rows: Iterable[Iterable[Any]],
    batch: int | None = None,
) -> None:
    """INSERT `rows` (Python values in `fields` order) into `model`'s table with executemany,
    `batch` rows per call (all at once when None). No signals, no history: the caller writes
    what a save would have written besides the row."""
    qn = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        qn(model._meta.db_table),
        ", ".join(qn(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
    )
    convert = [converter(f) for f in fields]
    params = [
        tuple(
            v if conv is None or v is None else conv(v)
            for conv, v in zip(convert, row, strict=True)
        )
        for row in rows
    ]
    step = batch or max(len(params), 1)
    with connection.cursor() as cursor:
        for start in range(0, len(params), step):
            cursor.executemany(sql, params[start : start + step])
