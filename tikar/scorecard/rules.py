"""The Formulir 3a / 3b rules as data, and the scorecard indicator list (Formulir 4, table 3).

forms.md asks for every threshold to be configurable and for the rules to be "data, one row per
indicator and stage". So the evaluator knows a handful of rule *kinds* (count months, every
monitored month, latest state, ...) and each indicator × stage is a `Rule` row naming the kind,
the record fields it reads and its threshold. Changing a standard means choosing other rows,
never another `if` in the evaluator.

The two national standards that changed over time are selectable per kabupaten and year:

- antenatal: 4 visits (months with a check in TM1 ≥ 1, TM2 ≥ 1, TM3 ≥ 2) or 6 visits (2 / 1 / 3);
- postnatal: 3 or 4 checks over the 42 days after delivery.

`ruleset(anc_standard=4, pnc_standard=3)` returns the set; the Django layer stores the two numbers
(or the set's `name`) per kabupaten and year.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cache
from operator import attrgetter

from tikar.calendar import POSTNATAL_DAYS

# Target groups, with the code names of glossary.md.
PREGNANCY = "pregnancy"  # ibu hamil / bersalin / nifas (Formulir 2a, 3a)
CHILD = "child"  # anak 0-23 bulan (Formulir 2b, 3b)
PAUD = "paud"  # anak 2-6 tahun (Formulir 2c)

PREGNANCY_STAGES = ("tm1", "tm2", "tm3", "nifas")
CHILD_AGE_BANDS = ("0-5", "6-12", "13-17", "18-23")
ANY_STAGE = "*"  # a row that applies to every stage / age band of its group

STAGE_LABELS = {
    "tm1": "Trimester 1",
    "tm2": "Trimester 2",
    "tm3": "Trimester 3",
    "nifas": "Bersalin/nifas",
    "0-5": "Umur 0–5 bulan",
    "6-12": "Umur 6–12 bulan",
    "13-17": "Umur 13–17 bulan",
    "18-23": "Umur 18–23 bulan",
    # evaluate.UNKNOWN_STAGE: no gestation month and no delivery date, or unreadable data.
    "?": "Tahap tidak diketahui",
}


def _never(record: object) -> bool:
    return False


class RuleKind(StrEnum):
    """How a rule turns monthly records into Y / T / TS (implemented in evaluate.py)."""

    # Always TS: the indicator does not apply to this stage.
    NOT_APPLICABLE = "not_applicable"
    # Months of the quarter whose record has the field(s) ≥ threshold.
    MONTHS_AT_LEAST = "months_at_least"
    # The field(s) in every monitored month (= every record) of the quarter; for a pregnancy
    # only the months while pregnant.
    EVERY_MONITORED_MONTH = "every_monitored_month"
    # Sum of a count field over the records whose month overlaps the window_days after
    # delivery ≥ threshold.
    SUM_AFTER_DELIVERY = "sum_after_delivery"
    # Only for months whose status_field is one of `statuses` (TS when there is none): the
    # field(s) in every such month.
    EVERY_MONTH_WITH_STATUS = "every_month_with_status"
    # The field(s) on the latest record in the quarter.
    LATEST_STATE = "latest_state"
    # The field(s) in every month of the quarter in which the child was 0-23 months, a month
    # without a record counting as not received.
    EVERY_COHORT_MONTH = "every_cohort_month"
    # The field(s) on at least `threshold` records within the window_months ending with the
    # quarter's last month.
    ANY_IN_WINDOW = "any_in_window"


@dataclass(frozen=True, slots=True)
class Rule:
    """One row of the rules table: an indicator of a group at a stage (or age band)."""

    group: str
    code: str
    stage: str
    kind: RuleKind
    fields: tuple[str, ...] = ()
    # 'any': one of the fields is enough (mother OR father counselled);
    # 'all': every field (basic immunisation complete AND measles/MR).
    combine: str = "any"
    threshold: int | None = None
    window_days: int | None = None
    window_months: int | None = None
    status_field: str | None = None
    statuses: frozenset[str] = frozenset()
    # Child rows can depend on the exact age (immunisation changes at 9 months, which does not
    # coincide with an age band): the row applies when min_age ≤ age < max_age.
    min_age_months: int | None = None
    max_age_months: int | None = None
    # Indonesian texts for the explanation: `subject` names the service in the facts,
    # `text` is the rule ("{threshold}" is filled in, so changing a threshold keeps it true).
    subject: str = ""
    text: str = ""
    # Derived once per row (the evaluator calls them for every target and month).
    description: str = field(init=False, repr=False, compare=False)
    check: Callable[[object], bool] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "description", self.describe())
        if not self.fields:
            check = _never
        elif len(self.fields) == 1:
            check = attrgetter(self.fields[0])
        else:
            get = attrgetter(*self.fields)
            combine = all if self.combine == "all" else any
            check = lambda record: combine(get(record))  # noqa: E731
        object.__setattr__(self, "check", check)

    def applies_to_age(self, age_months: int | None) -> bool:
        if age_months is None:
            return self.min_age_months is None and self.max_age_months is None
        if self.min_age_months is not None and age_months < self.min_age_months:
            return False
        return self.max_age_months is None or age_months < self.max_age_months

    def describe(self) -> str:
        """The rule in Bahasa Indonesia, as shown after "aturan:" in an explanation."""
        return self.text.format(
            threshold=self.threshold,
            window_days=self.window_days,
            window_months=self.window_months,
        )


@dataclass(frozen=True, slots=True)
class Indicator:
    """A scorecard indicator with its official text (forms.md, Formulir 4 table 3)."""

    group: str
    number: int
    code: str
    text: str


INDICATORS: dict[str, tuple[Indicator, ...]] = {
    PREGNANCY: (
        Indicator(
            PREGNANCY, 1, "anc_check", "Periksa kehamilan paling sedikit 4 kali selama kehamilan"
        ),
        Indicator(
            PREGNANCY,
            2,
            "iron_tablets",
            "Mendapatkan dan minum 1 tablet tambah darah setiap hari minimal selama 90 hari",
        ),
        Indicator(
            PREGNANCY,
            3,
            "postnatal_checks",
            "Ibu bersalin mendapatkan layanan nifas oleh nakes minimal 3 kali",
        ),
        Indicator(
            PREGNANCY,
            4,
            "nutrition_counselling",
            "Mengikuti konseling gizi atau kelas ibu hamil minimal 4 kali selama kehamilan",
        ),
        Indicator(
            PREGNANCY,
            5,
            "home_visit",
            "Ibu hamil risti dan/atau KEK mendapat kunjungan rumah oleh bidan desa "
            "minimal 1 bulan sekali",
        ),
        Indicator(PREGNANCY, 6, "safe_water", "Rumah tangga memiliki akses air minum yang aman"),
        Indicator(PREGNANCY, 7, "latrine", "Memiliki jamban keluarga yang layak"),
        Indicator(PREGNANCY, 8, "health_insurance", "Memiliki jaminan layanan kesehatan"),
    ),
    CHILD: (
        Indicator(CHILD, 1, "immunisation", "Bayi ≤ 12 bulan mendapat imunisasi dasar lengkap"),
        Indicator(CHILD, 2, "weighed", "Ditimbang berat badannya di posyandu setiap bulan"),
        Indicator(
            CHILD,
            3,
            "measured",
            "Diukur panjang/tinggi badannya oleh tenaga terlatih minimal 2 kali setahun",
        ),
        Indicator(
            CHILD,
            4,
            "parent_counselling",
            "Orang tua/pengasuh mengikuti konseling gizi minimal sebulan sekali",
        ),
        Indicator(
            CHILD,
            5,
            "home_visit",
            "Anak gizi buruk, gizi kurang dan stunting mendapat kunjungan rumah "
            "minimal sebulan sekali",
        ),
        Indicator(CHILD, 6, "safe_water", "Rumah tangga memiliki akses air minum yang aman"),
        Indicator(CHILD, 7, "latrine", "Memiliki jamban keluarga yang layak"),
        Indicator(CHILD, 8, "birth_certificate", "Memiliki akta kelahiran"),
        Indicator(CHILD, 9, "health_insurance", "Memiliki jaminan layanan kesehatan"),
        Indicator(
            CHILD,
            10,
            "parenting_class",
            "Orang tua/pengasuh mengikuti kelas pengasuhan minimal sebulan sekali",
        ),
    ),
    PAUD: (Indicator(PAUD, 1, "paud", "Terdaftar dan aktif mengikuti layanan PAUD"),),
}

# Antenatal: months with a check required per trimester; postnatal: checks over the 42 days
# of nifas (tikar.calendar.POSTNATAL_DAYS).
ANC_STANDARDS: dict[int, tuple[int, int, int]] = {4: (1, 1, 2), 6: (2, 1, 3)}
PNC_STANDARDS: dict[int, int] = {3: 3, 4: 4}

_TS_TEXT = "tidak berlaku pada tahap ini"
_RISK = frozenset({"risti", "kek"})
_MALNOURISHED = frozenset({"gizi_kurang", "gizi_buruk", "stunting"})


def _pregnancy_rules(anc: tuple[int, int, int], pnc: int) -> tuple[Rule, ...]:
    """The ibu hamil table of forms.md (Formulir 3a), one row per indicator × stage."""
    rows: list[Rule] = []
    trimesters = ("tm1", "tm2", "tm3")
    counselling = (1, 1, 2)  # unchanged by the 6-visit standard
    for stage, anc_min, counselling_min in zip(trimesters, anc, counselling, strict=True):
        rows += [
            Rule(
                PREGNANCY, "anc_check", stage, RuleKind.MONTHS_AT_LEAST, ("anc_check",),
                threshold=anc_min, subject="pemeriksaan kehamilan",
                text="paling sedikit {threshold} bulan",
            ),
            Rule(
                PREGNANCY, "iron_tablets", stage, RuleKind.EVERY_MONITORED_MONTH,
                ("iron_tablets",), subject="pil Fe diterima dan diminum",
                text="setiap bulan yang dipantau selama hamil",
            ),
            Rule(PREGNANCY, "postnatal_checks", stage, RuleKind.NOT_APPLICABLE, text=_TS_TEXT),
            Rule(
                PREGNANCY, "nutrition_counselling", stage, RuleKind.MONTHS_AT_LEAST,
                ("nutrition_counselling",), threshold=counselling_min,
                subject="konseling gizi/kelas ibu hamil", text="paling sedikit {threshold} bulan",
            ),
            Rule(
                PREGNANCY, "home_visit", stage, RuleKind.EVERY_MONTH_WITH_STATUS,
                ("home_visit",), status_field="risk_status", statuses=_RISK,
                subject="kunjungan rumah",
                text="hanya untuk Risti/KEK; kunjungan di setiap bulan dengan status tersebut",
            ),
        ]  # fmt: skip
    rows += [
        Rule(PREGNANCY, "anc_check", "nifas", RuleKind.NOT_APPLICABLE, text=_TS_TEXT),
        Rule(PREGNANCY, "iron_tablets", "nifas", RuleKind.NOT_APPLICABLE, text=_TS_TEXT),
        Rule(
            PREGNANCY, "postnatal_checks", "nifas", RuleKind.SUM_AFTER_DELIVERY,
            ("postnatal_checks",), threshold=pnc, window_days=POSTNATAL_DAYS,
            subject="pemeriksaan nifas",
            text="paling sedikit {threshold} kali dalam {window_days} hari setelah melahirkan",
        ),
        Rule(PREGNANCY, "nutrition_counselling", "nifas", RuleKind.NOT_APPLICABLE, text=_TS_TEXT),
        Rule(PREGNANCY, "home_visit", "nifas", RuleKind.NOT_APPLICABLE, text=_TS_TEXT),
    ]  # fmt: skip
    for code, subject in (
        ("safe_water", "akses air bersih"),
        ("latrine", "jamban"),
        ("health_insurance", "jaminan kesehatan"),
    ):
        rows.append(
            Rule(
                PREGNANCY, code, ANY_STAGE, RuleKind.LATEST_STATE, (code,), subject=subject,
                text="keadaan pada catatan terakhir dalam kuartal",
            )
        )  # fmt: skip
    return tuple(rows)


def _child_rules() -> tuple[Rule, ...]:
    """The anak 0-23 table of forms.md (Formulir 3b). Every row applies to every age band."""
    latest = "keadaan pada catatan terakhir dalam kuartal"
    every = "setiap bulan yang dipantau dalam kuartal"
    return (
        # Immunisation status is cumulative, so the latest record of the quarter is what counts;
        # which requirement applies depends on the age at that record (evaluate.child_age).
        Rule(
            CHILD, "immunisation", ANY_STAGE, RuleKind.LATEST_STATE,
            ("immunisation_up_to_date",), min_age_months=0, max_age_months=9,
            subject="imunisasi sesuai umur lengkap",
            text="umur < 9 bulan: imunisasi sesuai umur lengkap pada catatan terakhir",
        ),
        Rule(
            CHILD, "immunisation", ANY_STAGE, RuleKind.LATEST_STATE,
            ("immunisation_basic_complete", "immunisation_measles"), combine="all",
            min_age_months=9, subject="imunisasi dasar lengkap dan campak/MR",
            text="umur ≥ 9 bulan: imunisasi dasar lengkap dan campak/MR pada catatan terakhir",
        ),
        Rule(
            CHILD, "weighed", ANY_STAGE, RuleKind.EVERY_COHORT_MONTH, ("weighed",),
            subject="ditimbang",
            text="setiap bulan kuartal selama anak berumur 0–23 bulan (tanpa catatan = tidak)",
        ),
        Rule(
            CHILD, "measured", ANY_STAGE, RuleKind.ANY_IN_WINDOW, ("measured",), threshold=1,
            window_months=6, subject="pengukuran panjang/tinggi badan",
            text="paling sedikit {threshold} kali dalam {window_months} bulan terakhir",
        ),
        Rule(
            CHILD, "parent_counselling", ANY_STAGE, RuleKind.EVERY_MONITORED_MONTH,
            ("counselling_mother", "counselling_father"), subject="konseling gizi orang tua",
            text=every,
        ),
        Rule(
            CHILD, "home_visit", ANY_STAGE, RuleKind.EVERY_MONTH_WITH_STATUS, ("home_visit",),
            status_field="nutrition_status", statuses=_MALNOURISHED, subject="kunjungan rumah",
            text="hanya untuk gizi kurang/gizi buruk/stunting; kunjungan di setiap bulan "
            "dengan status tersebut",
        ),
        Rule(CHILD, "safe_water", ANY_STAGE, RuleKind.LATEST_STATE, ("safe_water",),
             subject="akses air bersih", text=latest),
        Rule(CHILD, "latrine", ANY_STAGE, RuleKind.LATEST_STATE, ("latrine",),
             subject="jamban", text=latest),
        Rule(CHILD, "birth_certificate", ANY_STAGE, RuleKind.LATEST_STATE,
             ("birth_certificate",), subject="akta lahir", text=latest),
        Rule(CHILD, "health_insurance", ANY_STAGE, RuleKind.LATEST_STATE, ("health_insurance",),
             subject="jaminan kesehatan", text=latest),
        Rule(CHILD, "parenting_class", ANY_STAGE, RuleKind.EVERY_MONITORED_MONTH,
             ("parenting_class",), subject="kelas pengasuhan", text=every),
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class RuleSet:
    """A named, complete set of rule rows. Lookup is by (group, indicator code, stage)."""

    name: str
    anc_standard: int
    pnc_standard: int
    rules: tuple[Rule, ...]
    _index: dict[tuple[str, str, str], tuple[Rule, ...]] = field(
        init=False, repr=False, compare=False
    )
    _rows: dict[tuple, tuple] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[tuple[str, str, str], list[Rule]] = {}
        for rule in self.rules:
            index.setdefault((rule.group, rule.code, rule.stage), []).append(rule)
        object.__setattr__(self, "_index", {k: tuple(v) for k, v in index.items()})
        object.__setattr__(self, "_rows", {})
        # A missing row would surface only when some target reaches that stage: fail at load.
        for group, stages in ((PREGNANCY, PREGNANCY_STAGES), (CHILD, CHILD_AGE_BANDS)):
            for indicator in INDICATORS[group]:
                for stage in stages:
                    if not self._candidates(group, indicator.code, stage):
                        raise ValueError(
                            f"{self.name}: no rule for {group}/{indicator.code}/{stage}"
                        )

    def _candidates(self, group: str, code: str, stage: str) -> tuple[Rule, ...]:
        # An exact stage row wins over the ANY_STAGE row, so one band can be overridden alone.
        return self._index.get((group, code, stage)) or self._index.get(
            (group, code, ANY_STAGE), ()
        )

    def rows_for(
        self, group: str, stage: str, age_months: int | None = None
    ) -> tuple[tuple[Indicator, Rule], ...]:
        """(indicator, rule) for every indicator of the group, in scorecard order (cached)."""
        key = (group, stage, age_months)
        rows = self._rows.get(key)
        if rows is None:
            rows = tuple(
                (ind, self.rule_for(group, ind.code, stage, age_months))
                for ind in INDICATORS[group]
            )
            self._rows[key] = rows
        return rows

    def rule_for(self, group: str, code: str, stage: str, age_months: int | None = None) -> Rule:
        for rule in self._candidates(group, code, stage):
            if rule.applies_to_age(age_months):
                return rule
        raise LookupError(f"{self.name}: no rule for {group}/{code}/{stage} at age {age_months}")

    def with_threshold(self, group: str, code: str, stage: str, threshold: int) -> RuleSet:
        """A copy with one row's threshold changed (forms.md: each threshold configurable)."""
        changed = False
        rows = []
        for rule in self.rules:
            if (rule.group, rule.code, rule.stage) == (group, code, stage):
                rule = replace(rule, threshold=threshold)
                changed = True
            rows.append(rule)
        if not changed:
            raise LookupError(f"no rule row {group}/{code}/{stage}")
        return RuleSet(f"{self.name}+{code}.{stage}={threshold}", self.anc_standard,
                       self.pnc_standard, tuple(rows))  # fmt: skip


@cache
def ruleset(anc_standard: int = 4, pnc_standard: int = 3) -> RuleSet:
    """The rule set for an antenatal standard (4 or 6 visits) and a postnatal one (3 or 4)."""
    if anc_standard not in ANC_STANDARDS:
        raise ValueError(f"antenatal standard must be one of {sorted(ANC_STANDARDS)}")
    if pnc_standard not in PNC_STANDARDS:
        raise ValueError(f"postnatal standard must be one of {sorted(PNC_STANDARDS)}")
    rows = _pregnancy_rules(ANC_STANDARDS[anc_standard], PNC_STANDARDS[pnc_standard])
    return RuleSet(
        f"anc{anc_standard}-pnc{pnc_standard}",
        anc_standard,
        pnc_standard,
        rows + _child_rules(),
    )


def ruleset_by_name(name: str) -> RuleSet:
    """Inverse of `RuleSet.name` for the stored choice, e.g. 'anc6-pnc4'."""
    try:
        anc, pnc = name.split("-")
        if not (anc.startswith("anc") and pnc.startswith("pnc")):
            raise ValueError
        return ruleset(int(anc[3:]), int(pnc[3:]))
    except ValueError:
        raise ValueError(f"unknown rule set {name!r}") from None


RULESET_NAMES = tuple(f"anc{a}-pnc{p}" for a in ANC_STANDARDS for p in PNC_STANDARDS)
DEFAULT_RULESET = ruleset(4, 3)
