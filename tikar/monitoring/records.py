"""The monthly records as the pure scorecard engine reads them (Formulir 2a / 2b / 2c, one row
per target and month). No Django import.

They live with the monthly records (below the scorecard) so that `monitoring.models` and
`monitoring.queries` produce them without importing the scorecard; `tikar.scorecard.evaluate`
reads them. No Django here on purpose: the engine is tested and benchmarked alone, and the
Django layer builds these from its models. Every record is frozen so that a result can keep references to the
records it read without them changing underneath it.

Only the identity fields are required; the yes/no indicators default to "not received" so that a
test or a synthetic benchmark can name just the facts it is about. The Django layer passes every
field explicitly.

A yes/no answer is `True` (ya), `False` (tidak) or `None` (not asked / not filled in). The engine
counts `None` as not received, and marks the cell as a data problem ("belum diisi").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

RISK_STATUSES = frozenset({"normal", "risti", "kek"})
# "tidak_dapat_dinilai": the measurement carries a WHO implausible-value flag, so the status
# cannot be judged from it (neither normal nor stunted); see monitoring.rules.nutrition_status.
NUTRITION_STATUSES = frozenset({"gizi_kurang", "gizi_buruk", "stunting", "tidak_dapat_dinilai"})
GROWTH_MAT_RESULTS = frozenset({"hijau", "kuning", "merah", "tidak_diukur"})
PAUD_STATUSES = frozenset({"belum", "mengikuti", "tidak_mengikuti"})


def _check_month(month: date) -> None:
    # Months are keys (one record per target and month): a mid-month date would silently
    # fall outside every "month in the quarter" comparison.
    if month.day != 1:
        raise ValueError(f"month must be the first day of a month, got {month.isoformat()}")


@dataclass(frozen=True, slots=True)
class PregnancyMonth:
    """One Formulir 2a record: an ibu hamil (or ibu nifas) in one month."""

    record_id: str
    month: date
    visit_date: date | None = None
    gestation_month: int | None = None
    risk_status: str = "normal"
    anc_check: bool | None = False
    iron_tablets: bool | None = False
    iron_tablet_count: int | None = None
    postnatal_checks: int = 0
    nutrition_counselling: bool | None = False
    home_visit: bool | None = False
    safe_water: bool | None = False
    latrine: bool | None = False
    health_insurance: bool | None = False

    def __post_init__(self) -> None:
        _check_month(self.month)
        if self.gestation_month is not None and not 1 <= self.gestation_month <= 9:
            raise ValueError(f"gestation_month must be 1-9, got {self.gestation_month}")
        if self.risk_status not in RISK_STATUSES:
            raise ValueError(f"unknown risk_status {self.risk_status!r}")
        if not 0 <= self.postnatal_checks <= 4:
            raise ValueError(f"postnatal_checks must be 0-4, got {self.postnatal_checks}")


@dataclass(frozen=True, slots=True)
class PregnancyInput:
    """A pregnancy with its monthly records.

    ``months`` holds the quarter's records and may hold earlier ones: the postnatal rule reads
    the records whose month overlaps the 42 days after delivery, which can start in the previous
    quarter.
    """

    target_id: str
    delivery_date: date | None
    months: tuple[PregnancyMonth, ...]


@dataclass(frozen=True, slots=True)
class ChildMonth:
    """One Formulir 2b record: an anak 0-23 bulan in one month."""

    record_id: str
    month: date
    visit_date: date | None = None
    weighed: bool = False
    measured: bool = False
    immunisation_up_to_date: bool | None = False
    immunisation_basic_complete: bool | None = False
    immunisation_measles: bool | None = False
    counselling_mother: bool | None = False
    counselling_father: bool | None = False
    home_visit: bool | None = False
    safe_water: bool | None = False
    latrine: bool | None = False
    birth_certificate: bool | None = False
    health_insurance: bool | None = False
    parenting_class: bool | None = False
    # Empty means normal or unknown; the Django layer has already carried the last known
    # status forward (growth.md), so the engine only reads what the record says.
    nutrition_status: frozenset[str] = frozenset()
    growth_mat: str = "tidak_diukur"

    def __post_init__(self) -> None:
        _check_month(self.month)
        if not self.nutrition_status <= NUTRITION_STATUSES:
            raise ValueError(f"unknown nutrition_status {sorted(self.nutrition_status)}")
        if self.growth_mat not in GROWTH_MAT_RESULTS:
            raise ValueError(f"unknown growth_mat {self.growth_mat!r}")


@dataclass(frozen=True, slots=True)
class ChildInput:
    """A child 0-23 months with the quarter's records plus up to the 3 months before it.

    The earlier months are needed because the length/height rule looks at the 6 months ending
    with the quarter.
    """

    target_id: str
    birth_date: date
    months: tuple[ChildMonth, ...]


@dataclass(frozen=True, slots=True)
class PaudMonth:
    """One Formulir 2c entry: a child 2-6 years in one month."""

    month: date
    status: str  # 'belum' | 'mengikuti' | 'tidak_mengikuti'

    def __post_init__(self) -> None:
        _check_month(self.month)
        if self.status not in PAUD_STATUSES:
            raise ValueError(f"unknown PAUD status {self.status!r}")


@dataclass(frozen=True, slots=True)
class PaudInput:
    target_id: str
    birth_date: date
    months: tuple[PaudMonth, ...]
