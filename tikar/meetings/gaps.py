"""The gaps of a desa's scorecard, the input of the Rembuk Stunting Desa. No Django import.

Pure arithmetic on counts that `gap_queries` reads from the stored `QuarterResult` rows: per
indicator, per dusun and per posyandu, over one quarter or several pooled, with the trend of the
coverage over the last four quarters.

Figures (forms.md, Formulir 4 table 3): for one indicator

    coverage %  = Y / (targets - TS) x 100, two decimals rounded half up (scorecard.evaluate)
    not served  = (targets - TS) - Y          (every T, including "?" = T from missing data)

Pooled quarters add the counts of each quarter: a target counts once per quarter it appears
in (a child followed in quarters II and III is two target-quarters).

Lines are sorted by gap: most targets not served first; ties by the lowest coverage; lines
with no target to serve (coverage None) last; then scorecard order (group, number).

`PACKAGE_OF` maps each indicator to its service package (forms.md, "The 5 service packages");
the proposal form reads it for the "<group>:<code>" an indicator is linked by.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from tikar.calendar import (
    MIN_YEAR,
    PeriodError,
    Quarter,
    parse_quarter,
    previous_quarter,
    year_quarter,
)

# Group names as in scorecard.rules (a pure module too, but this one stays free of it so the
# mapping can be read without the rules engine).
PREGNANCY, CHILD, PAUD = "pregnancy", "child", "paud"
GROUP_ORDER = (PREGNANCY, CHILD, PAUD)

# Service packages (meetings.models.ServicePackage): 1 KIA, 2 konseling gizi terpadu,
# 3 air bersih dan sanitasi, 4 perlindungan sosial, 5 PAUD (forms.md, "The 5 service
# packages"). Home visits are KIA for both groups (forms.md lists home visits under KIA);
# nutrition counselling of the mother and of the child's parents, weighing and measuring are
# package 2; the parenting class (kelas pengasuhan, 0-23 months) is PAUD as forms.md says
# ("parenting classes for 0-23 months").
PACKAGE_OF: dict[tuple[str, str], int] = {
    (PREGNANCY, "anc_check"): 1,
    (PREGNANCY, "iron_tablets"): 1,
    (PREGNANCY, "postnatal_checks"): 1,
    (PREGNANCY, "nutrition_counselling"): 2,
    (PREGNANCY, "home_visit"): 1,
    (PREGNANCY, "safe_water"): 3,
    (PREGNANCY, "latrine"): 3,
    (PREGNANCY, "health_insurance"): 4,
    (CHILD, "immunisation"): 1,
    (CHILD, "weighed"): 2,
    (CHILD, "measured"): 2,
    (CHILD, "parent_counselling"): 2,
    (CHILD, "home_visit"): 1,
    (CHILD, "safe_water"): 3,
    (CHILD, "latrine"): 3,
    (CHILD, "birth_certificate"): 4,
    (CHILD, "health_insurance"): 4,
    (CHILD, "parenting_class"): 5,
    (PAUD, "paud"): 5,
}

TREND_LENGTH = 4  # quarters shown in a trend, the last one being the (latest) chosen quarter
MAX_QUARTERS = 8  # quarters that may be pooled at once (two years)


def indicator_key(group: str, code: str) -> str:
    """The "<group>:<code>" a proposal names its gap with (meetings.models.Proposal)."""
    return f"{group}:{code}"


def parse_indicator_key(value: str) -> tuple[str, str] | None:
    """("child", "weighed") for "child:weighed"; None for anything not in PACKAGE_OF."""
    group, sep, code = (value or "").partition(":")
    if not sep or (group, code) not in PACKAGE_OF:
        return None
    return group, code


# --------------------------------------------------------------------------------------------
# Quarters


def last_completed(today: date) -> Quarter:
    """The latest quarter that has ended before `today`."""
    return previous_quarter(*year_quarter(today))


def trend_quarters(last: Quarter, n: int = TREND_LENGTH) -> list[Quarter]:
    """The `n` quarters ending with `last`, oldest first."""
    out = [last]
    while len(out) < n:
        out.append(previous_quarter(*out[-1]))
    return out[::-1]


class QuarterError(ValueError):
    """A `?kuartal=` value that names no usable quarter; `code` says why (for the message)."""

    def __init__(self, code: str, value: str) -> None:
        super().__init__(f"{code}: {value!r}")
        self.code = code  # "malformed" | "year" | "future" | "too_many"
        self.value = value


def parse_quarters(values: list[str], today: date) -> list[Quarter]:
    """The quarters of `?kuartal=YYYY-Q` values, deduplicated, oldest first.

    Read by `tikar.calendar.parse_quarter`: accepts "2026-2" (also "2026-02", "2026-Q2"). Raises QuarterError("malformed") for anything else or a
    quarter outside 1-4, ("year") for a year before 2000, ("future") for a quarter that has not
    started on `today` (the running quarter is allowed: its figures are provisional), and
    ("too_many") for more than MAX_QUARTERS distinct quarters. Empty values are ignored.
    """
    codes = {"malformed": "malformed", "too_early": "year", "future": "future"}
    found: set[Quarter] = set()
    for raw in values:
        try:
            quarter = parse_quarter(raw, latest=year_quarter(today), min_year=MIN_YEAR)
        except PeriodError as exc:
            raise QuarterError(codes[exc.code], exc.value) from None
        if quarter is None:
            continue
        found.add(quarter)
        if len(found) > MAX_QUARTERS:
            raise QuarterError("too_many", raw.strip())
    return sorted(found)


def quarter_param(q: Quarter) -> str:
    return f"{q[0]}-{q[1]}"


# --------------------------------------------------------------------------------------------
# Figures


def percent(received: int, denominator: int) -> Decimal | None:
    """Y / denominator x 100 with two decimals, half up (as scorecard.evaluate.percent)."""
    if denominator <= 0:
        return None
    return (Decimal(received) * 100 / Decimal(denominator)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


@dataclass(frozen=True)
class Counts:
    """One indicator's counts: targets (rows), Y and TS ("S")."""

    targets: int = 0
    received: int = 0
    not_applicable: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.targets + other.targets,
            self.received + other.received,
            self.not_applicable + other.not_applicable,
        )

    @property
    def denominator(self) -> int:
        return self.targets - self.not_applicable

    @property
    def not_served(self) -> int:
        return self.denominator - self.received

    @property
    def percent(self) -> Decimal | None:
        return percent(self.received, self.denominator)


@dataclass(frozen=True)
class TrendPoint:
    quarter: Quarter
    percent: Decimal | None
    arrow: str  # "↑", "↓" against the previous point with a value; "" if equal or first


def whole_percent(value: Decimal) -> Decimal:
    """The coverage as the trend shows it: a whole percent, half up (Django's floatformat:0)."""
    return value.quantize(Decimal(1), rounding=ROUND_HALF_UP)


def trend(points: list[tuple[Quarter, Decimal | None]]) -> list[TrendPoint]:
    """Arrows for a coverage series, oldest first: each point against the latest earlier
    point that has a value (a quarter without targets has none and gets no arrow).

    The comparison is made at the precision the trend is shown in (whole percent, see
    `whole_percent`), so an arrow never sits between two equal numbers ("10% ↑ 10%"):
    equal as shown gives no arrow."""
    out = []
    before: Decimal | None = None
    for q, value in points:
        arrow = ""
        if value is not None:
            shown = whole_percent(value)
            if before is not None:
                arrow = "↑" if shown > before else "↓" if shown < before else ""
            before = shown
        out.append(TrendPoint(q, value, arrow))
    return out


@dataclass
class GapLine:
    """One indicator (optionally within one dusun or posyandu) over the chosen quarters."""

    group: str
    code: str
    number: int
    counts: Counts
    trend: list[TrendPoint] = field(default_factory=list)
    where: str | None = None  # the dusun text or posyandu key; None for the whole desa

    @property
    def package(self) -> int:
        return PACKAGE_OF[(self.group, self.code)]

    @property
    def key(self) -> str:
        return indicator_key(self.group, self.code)


def gap_sort_key(line: GapLine) -> tuple:
    """Most not served first; ties by lowest coverage; no targets last; then scorecard order."""
    pct = line.counts.percent
    return (
        -line.counts.not_served,
        pct is None,
        pct if pct is not None else Decimal(0),
        GROUP_ORDER.index(line.group),
        line.number,
        line.where or "",
    )


def sort_by_gap(lines: list[GapLine]) -> list[GapLine]:
    return sorted(lines, key=gap_sort_key)


# The stored counts as gap_queries reads them: one entry per (quarter, group, dusun,
# posyandu key) with per-indicator Counts in scorecard order.
Cell = tuple[Quarter, str, str, str]


def _add_lists(a: list[Counts], b: list[Counts]) -> list[Counts]:
    if len(a) < len(b):
        a = a + [Counts()] * (len(b) - len(a))
    return [x + (b[i] if i < len(b) else Counts()) for i, x in enumerate(a)]


def by_place(table: dict[Cell, list[Counts]], by: str | None) -> dict[tuple, list[Counts]]:
    """The table summed to (quarter, group, place): place is the dusun (by="dusun"), the
    posyandu key (by="posyandu") or None (the whole desa)."""
    out: dict[tuple, list[Counts]] = {}
    for (q, g, d, p), counts in table.items():
        place = d if by == "dusun" else p if by == "posyandu" else None
        key = (q, g, place)
        out[key] = _add_lists(out.get(key, []), counts)
    return out


def pool(
    summed: dict[tuple, list[Counts]], quarters: list[Quarter], group: str, index: int, place
) -> Counts:
    """Indicator `index` (0-based) of `group` at `place`, summed over `quarters`."""
    total = Counts()
    for q in quarters:
        counts = summed.get((q, group, place))
        if counts and index < len(counts):
            total = total + counts[index]
    return total


def build_lines(
    table: dict[Cell, list[Counts]],
    indicators: dict[str, list[tuple[int, str]]],
    quarters: list[Quarter],
    trend_over: list[Quarter],
    *,
    by: str | None = None,
) -> list[GapLine]:
    """Every indicator's gap line over `quarters`, sorted by gap, each with its trend over
    `trend_over`; `by` = "dusun" or "posyandu" gives one line per indicator and place with
    targets of that group in the chosen quarters (a place only in the trend's earlier quarters
    has no gap now).

    `indicators` is {group: [(number, code), ...]} in scorecard order.
    """
    summed = by_place(table, by)
    chosen = set(quarters)
    lines = []
    for group in GROUP_ORDER:
        places = sorted(
            {k[2] for k in summed if k[0] in chosen and k[1] == group}, key=lambda p: p or ""
        )
        if by is None:
            places = [None]
        for index, (number, code) in enumerate(indicators.get(group, [])):
            for place in places:
                counts = pool(summed, quarters, group, index, place)
                series = [(q, pool(summed, [q], group, index, place).percent) for q in trend_over]
                lines.append(GapLine(group, code, number, counts, trend(series), place))
    return sort_by_gap(lines)
