"""Stored quarterly results (Formulir 3a / 3b / 4), quarter locks, Dana Desa and rule choices.

The pure engine (`evaluate.py`) decides every Y / T / TS; this module only stores what it
returned, one `QuarterResult` row per target and quarter, so that a page of totals is a
`SUM`/`COUNT` in the database and never a Python loop over people. `refresh.py` keeps the rows
in step with the monthly records: a record change marks its quarter dirty (`DirtyQuarter`), and
the quarter is recomputed before anyone reads it.

Per-indicator values are one compact string, one character per indicator in scorecard order:
`Y` (received), `T` (not received), `S` (TS, tidak sesuai). Table 3 of the scorecard counts
character i with `SUBSTR(cells, i, 1)` inside the aggregate, on SQLite and PostgreSQL alike,
and a row is 8-10 bytes instead of a JSON document per target (there are ~14 million targets
nationally, four quarters a year).

Designed for the roll-ups that come later (kecamatan, kabupaten, province): every row carries
`village` (a Region code, whose prefix is the whole ancestry), so an area's figures are the same
aggregates under `village__code__startswith`.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tikar.regions.models import Level, Region
from tikar.scorecard.evaluate import TS, T, Y, percent
from tikar.scorecard.rules import CHILD, PAUD, PREGNANCY

QUARTER_VALIDATORS = [MinValueValidator(1), MaxValueValidator(4)]
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}

# One character per cell in the stored string; TS becomes "S" so every cell is one character.
CELL_CHAR = {Y: "Y", T: "T", TS: "S"}
CHAR_CELL = {v: k for k, v in CELL_CHAR.items()}
# A T because a question was not answered or the target's data could not be evaluated
# (evaluate.Cell.unknown): counted as not received by every aggregate (it is neither "Y" nor
# "S"), and `cells LIKE '%?%'` lists the desa's targets with data problems.
UNKNOWN_CHAR = "?"
CHAR_CELL[UNKNOWN_CHAR] = T


class Group(models.TextChoices):
    PREGNANCY = PREGNANCY, _("Pregnant women")
    CHILD = CHILD, _("Children 0-23 months")
    PAUD = PAUD, _("Children 2-6 years (PAUD)")


class AncStandard(models.IntegerChoices):
    FOUR = 4, _("4 antenatal visits (1/1/2 months per trimester)")
    SIX = 6, _("6 antenatal visits (2/1/3 months per trimester)")


class PncStandard(models.IntegerChoices):
    THREE = 3, _("3 postnatal checks")
    FOUR = 4, _("4 postnatal checks")


class RuleChoice(models.Model):
    """The antenatal and postnatal standard of a kabupaten/kota for a year (default 4 / 3)."""

    regency = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": Level.REGENCY},
        verbose_name=_("kabupaten/kota"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    anc_standard = models.PositiveSmallIntegerField(
        _("antenatal standard"), choices=AncStandard.choices, default=AncStandard.FOUR
    )
    pnc_standard = models.PositiveSmallIntegerField(
        _("postnatal standard"), choices=PncStandard.choices, default=PncStandard.THREE
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("scorecard rule choice")
        verbose_name_plural = _("scorecard rule choices")
        constraints = [
            # Its index serves the refresh's look-up "which standard for this kabupaten and
            # year" (WHERE regency_id = %s AND year = %s).
            models.UniqueConstraint(fields=["regency", "year"], name="rulechoice_one_per_year"),
        ]

    def __str__(self) -> str:
        return f"{self.regency_id} {self.year}: anc{self.anc_standard}-pnc{self.pnc_standard}"

    @property
    def ruleset_name(self) -> str:
        return f"anc{self.anc_standard}-pnc{self.pnc_standard}"


class QuarterResult(models.Model):
    """One row of Formulir 3a / 3b (or the PAUD indicator) for one target and quarter.

    Written only by `refresh.refresh_village_quarter`, which replaces a desa's quarter at once.
    """

    village = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="+", limit_choices_to={"level": 4}
    )
    year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField(validators=QUARTER_VALIDATORS)
    group = models.CharField(max_length=10, choices=Group.choices)
    # Target.KIND ("pregnancy" | "child") and the target's UUID. No foreign key: the row is a
    # computed snapshot of two target tables, and it is replaced as a whole on every refresh.
    target_type = models.CharField(max_length=20)
    target_id = models.UUIDField()
    household_id = models.UUIDField(null=True, blank=True)  # table 1: distinct households
    stage = models.CharField(max_length=8)  # tm1..nifas, age band, or PAUD age group
    age_months = models.PositiveSmallIntegerField(null=True, blank=True)
    cells = models.CharField(max_length=16)  # "YTSY...": see the module docstring
    received = models.PositiveSmallIntegerField()  # jumlah diterima lengkap (number of Y)
    expected = models.PositiveSmallIntegerField()  # jumlah seharusnya (indicators - TS)
    # Latest state in the quarter, for the scorecard's tables 1 and 2.
    risk_status = models.CharField(max_length=6, blank=True)  # pregnancy: normal|risti|kek
    is_stunting = models.BooleanField(default=False)
    is_gizi_buruk = models.BooleanField(default=False)
    is_gizi_kurang = models.BooleanField(default=False)
    # The latest status gizi could not be judged: a WHO implausible-value flag (flen / fwei /
    # fwfl) on the measurement it comes from. Such a child is counted neither as normal nor as
    # stunted / wasted; Formulir 4 shows how many.
    is_unjudged = models.BooleanField(default=False)
    growth_mat = models.CharField(max_length=12, blank=True)  # child: hijau|kuning|merah|...
    father_attended = models.BooleanField(null=True, blank=True)  # child: the "Laki" count
    # PAUD: months 'mengikuti' of the months not 'belum'.
    months_attending = models.PositiveSmallIntegerField(null=True, blank=True)
    months_enrolled = models.PositiveSmallIntegerField(null=True, blank=True)
    ruleset_name = models.CharField(max_length=40, blank=True)
    computed_at = models.DateTimeField(default=timezone.now)
    # The last month the row covers while its quarter was running (scorecard.period), NULL for
    # a row of a finished quarter. A row whose value differs from today's answer is stale (the
    # month changed since) and is recomputed before it is read.
    evaluated_through = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("quarter result")
        verbose_name_plural = _("quarter results")
        constraints = [
            # A child turning 2 inside a quarter has a 2b (child) and a 2c (PAUD) row, hence
            # the group. The index also serves the explanation page's look-up of one target.
            models.UniqueConstraint(
                fields=["target_id", "year", "quarter", "group"], name="quarterresult_one"
            ),
        ]
        indexes = [
            # Serves every page of a desa's quarter and the refresh's DELETE:
            # WHERE village_id = %s AND year = %s AND quarter = %s [AND group = %s],
            # with the scorecard's SUM/COUNT aggregates over those rows.
            models.Index(fields=["village", "year", "quarter", "group"], name="quarterresult_desa"),
            # Serves the area roll-ups: a quarter's rows of every desa under a code prefix,
            # WHERE year = %s AND quarter = %s AND village_id LIKE '33.02.%' (grouped by
            # SUBSTR of the code). The index above cannot: it leads with the desa, and without
            # varchar_pattern_ops PostgreSQL uses no btree index for LIKE under a non-C
            # collation. Measured on a kabupaten of 300 desa (bench_scorecard_scale.py) the
            # scan became an index range; nationally it is the difference between reading one
            # area's rows and reading every row of the quarter.
            models.Index(
                fields=["year", "quarter", "village"],
                name="quarterresult_area",
                opclasses=["int2_ops", "int2_ops", "varchar_pattern_ops"],
            ),
        ]

    def __str__(self) -> str:
        return f"{self.group} {self.target_id} {self.year}-Q{self.quarter}: {self.cells}"

    @property
    def values(self) -> list[str]:
        """The cells as Y / T / TS."""
        return [CHAR_CELL[c] for c in self.cells]

    @property
    def percent(self) -> Decimal | None:
        return percent(self.received, self.expected)


class VillageQuarterTotal(models.Model):
    """One desa's quarter totalled per group: what every AREA page reads (issue 12, item 2).

    An area's roll-up (kecamatan to national) sums these rows instead of one `QuarterResult`
    per target and the monthly record tables: nationally about 83,762 desa x 3 groups rows per
    quarter instead of ~13 million. Written by `refresh.refresh_village_quarter` in the same
    transaction as the desa's `QuarterResult` rows (so the two never disagree), and one row per
    group (pregnancy, child, paud) for every desa quarter that has results OR monthly records,
    zeros allowed, so that completeness and "desa that recorded nothing" read this table too.
    Per-desa pages (Formulir 3a / 3b, the explanation, one desa's scorecard) keep reading
    `QuarterResult`.
    """

    village = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField(validators=QUARTER_VALIDATORS)
    group = models.CharField(max_length=10, choices=Group.choices)
    targets = models.PositiveIntegerField(default=0)  # rows of Formulir 3a / 3b or PAUD
    received = models.PositiveIntegerField(default=0)  # sum of Y
    expected = models.PositiveIntegerField(default=0)  # sum of (indicators - TS)
    stunting_status = models.PositiveIntegerField(default=0)  # latest status is stunting
    # Indicator i: targets with Y (y_i) and with TS (ts_i); unused indicators stay 0.
    y1 = models.PositiveIntegerField(default=0)
    y2 = models.PositiveIntegerField(default=0)
    y3 = models.PositiveIntegerField(default=0)
    y4 = models.PositiveIntegerField(default=0)
    y5 = models.PositiveIntegerField(default=0)
    y6 = models.PositiveIntegerField(default=0)
    y7 = models.PositiveIntegerField(default=0)
    y8 = models.PositiveIntegerField(default=0)
    y9 = models.PositiveIntegerField(default=0)
    y10 = models.PositiveIntegerField(default=0)
    ts1 = models.PositiveIntegerField(default=0)
    ts2 = models.PositiveIntegerField(default=0)
    ts3 = models.PositiveIntegerField(default=0)
    ts4 = models.PositiveIntegerField(default=0)
    ts5 = models.PositiveIntegerField(default=0)
    ts6 = models.PositiveIntegerField(default=0)
    ts7 = models.PositiveIntegerField(default=0)
    ts8 = models.PositiveIntegerField(default=0)
    ts9 = models.PositiveIntegerField(default=0)
    ts10 = models.PositiveIntegerField(default=0)
    # Child group only (0 on the others): the stunting prevalence's denominator (latest valid
    # length-for-age z in the quarter at 0-23 months, WHO flag 0) and the stunted among them,
    # exactly as rollup.latest_measurements + growth.prevalence count them, so an area's
    # prevalence is the pooled sum and its Wilson interval is the same number.
    measured = models.PositiveIntegerField(default=0)
    stunted = models.PositiveIntegerField(default=0)
    # Bit m-1 set when month m of the quarter (1-3) has a live 2a / 2b / 2c record of the desa
    # (same value on the three rows of a desa quarter).
    months_recorded = models.PositiveSmallIntegerField(default=0)
    evaluated_through = models.DateField(null=True, blank=True)  # as QuarterResult
    computed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("desa quarter total")
        verbose_name_plural = _("desa quarter totals")
        constraints = [
            # Its index serves the refresh's replace and one desa's look-up
            # (WHERE village_id = %s AND year = %s AND quarter = %s).
            models.UniqueConstraint(
                fields=["village", "year", "quarter", "group"], name="villagequartertotal_one"
            ),
        ]
        indexes = [
            # Serves every area roll-up, completeness and the stale check:
            # WHERE year = %s AND quarter = %s AND village_id LIKE '12.10.%' (or the range
            # of rollup.under), like quarterresult_area.
            models.Index(
                fields=["year", "quarter", "village"],
                name="villagequartertotal_area",
                opclasses=["int2_ops", "int2_ops", "varchar_pattern_ops"],
            ),
        ]

    def __str__(self) -> str:
        return f"{self.village_id} {self.year}-Q{self.quarter} {self.group}: {self.targets}"


class RegencyQuarterTotal(models.Model):
    """One kabupaten/kota's quarter totalled per group over its desa (issue 12, item 2): what
    the NATIONAL and PROVINCE roll-ups and their trend read, about 514 x 3 rows per quarter
    instead of 83,762 x 3 `VillageQuarterTotal` rows. Kabupaten and kecamatan pages keep
    reading the desa totals (they need one line per desa or kecamatan).

    The count columns are the sums of the kabupaten's `VillageQuarterTotal` rows; desa_total
    is the number of desa/kelurahan of the kabupaten in the region list and recorded_m1..m3
    the desa whose `months_recorded` has month 1..3 of the quarter (reporting completeness).
    Rewritten by `totals.write_regency_totals` in the same transaction as any desa total of
    the kabupaten (refresh, validated-quarter fill), so it always equals the sum of its desa.
    """

    regency = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField(validators=QUARTER_VALIDATORS)
    group = models.CharField(max_length=10, choices=Group.choices)
    targets = models.PositiveIntegerField(default=0)
    received = models.PositiveIntegerField(default=0)
    expected = models.PositiveIntegerField(default=0)
    stunting_status = models.PositiveIntegerField(default=0)
    y1 = models.PositiveIntegerField(default=0)
    y2 = models.PositiveIntegerField(default=0)
    y3 = models.PositiveIntegerField(default=0)
    y4 = models.PositiveIntegerField(default=0)
    y5 = models.PositiveIntegerField(default=0)
    y6 = models.PositiveIntegerField(default=0)
    y7 = models.PositiveIntegerField(default=0)
    y8 = models.PositiveIntegerField(default=0)
    y9 = models.PositiveIntegerField(default=0)
    y10 = models.PositiveIntegerField(default=0)
    ts1 = models.PositiveIntegerField(default=0)
    ts2 = models.PositiveIntegerField(default=0)
    ts3 = models.PositiveIntegerField(default=0)
    ts4 = models.PositiveIntegerField(default=0)
    ts5 = models.PositiveIntegerField(default=0)
    ts6 = models.PositiveIntegerField(default=0)
    ts7 = models.PositiveIntegerField(default=0)
    ts8 = models.PositiveIntegerField(default=0)
    ts9 = models.PositiveIntegerField(default=0)
    ts10 = models.PositiveIntegerField(default=0)
    measured = models.PositiveIntegerField(default=0)  # child group only, as the desa rows
    stunted = models.PositiveIntegerField(default=0)
    desa_total = models.PositiveIntegerField(default=0)  # desa of the kabupaten (region list)
    # Desa with a live 2a / 2b / 2c record in month 1, 2, 3 of the quarter.
    recorded_m1 = models.PositiveIntegerField(default=0)
    recorded_m2 = models.PositiveIntegerField(default=0)
    recorded_m3 = models.PositiveIntegerField(default=0)
    # The stale check of the national and province pages (rollup.mark_stale): desa with
    # totals, how many of them have an evaluated_through, and its least and greatest value.
    # A kabupaten whose desa all have today's evaluated_through has nothing stale, so the
    # per-desa check runs only under the kabupaten where something may be.
    desa_computed = models.PositiveIntegerField(default=0)
    through_count = models.PositiveIntegerField(default=0)
    through_min = models.DateField(null=True, blank=True)
    through_max = models.DateField(null=True, blank=True)
    computed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("kabupaten quarter total")
        verbose_name_plural = _("kabupaten quarter totals")
        constraints = [
            # Its index serves the rewrite of one kabupaten quarter
            # (DELETE ... WHERE regency_id = %s AND year = %s AND quarter = %s).
            models.UniqueConstraint(
                fields=["regency", "year", "quarter", "group"], name="regencyquartertotal_one"
            ),
        ]
        indexes = [
            # Serves the national and province roll-ups and trend:
            # WHERE year = %s AND quarter = %s [AND regency_id >= '12.' AND regency_id < '12/'].
            models.Index(
                fields=["year", "quarter", "regency"],
                name="regencyquartertotal_area",
                opclasses=["int2_ops", "int2_ops", "varchar_pattern_ops"],
            ),
        ]

    def __str__(self) -> str:
        return f"{self.regency_id} {self.year}-Q{self.quarter} {self.group}: {self.targets}"


class DirtyQuarter(models.Model):
    """A desa's quarter whose stored results are older than its monthly records."""

    village = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField(validators=QUARTER_VALIDATORS)
    marked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("quarter to recompute")
        verbose_name_plural = _("quarters to recompute")
        constraints = [
            # Marking is INSERT ... ON CONFLICT DO NOTHING on this key; its index also serves
            # the page's "is this quarter dirty?" (WHERE village_id, year, quarter).
            models.UniqueConstraint(fields=["village", "year", "quarter"], name="dirtyquarter_one"),
        ]

    def __str__(self) -> str:
        return f"{self.village_id} {self.year}-Q{self.quarter}"


class QuarterLock(models.Model):
    """The Admin Desa's validation of a desa's quarter.

    One row per desa and quarter, kept when the quarter is reopened (`locked_at` back to NULL),
    so its simple-history table is the full lock / reopen story; `QuarterReopening` holds the
    reasons.
    """

    village = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField(validators=QUARTER_VALIDATORS)
    locked_at = models.DateTimeField(null=True, blank=True)  # NULL: open (reopened)
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("quarter validation")
        verbose_name_plural = _("quarter validations")
        constraints = [
            # Its index serves the check on every monthly record save ("is this desa's quarter
            # locked?": WHERE village_id = %s AND year = %s AND quarter = %s).
            models.UniqueConstraint(fields=["village", "year", "quarter"], name="quarterlock_one"),
        ]

    def __str__(self) -> str:
        state = "locked" if self.locked_at else "open"
        return f"{self.village_id} {self.year}-Q{self.quarter} {state}"

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None


class QuarterReopening(models.Model):
    """Who reopened a validated quarter, when, and why (forms.md: in the audit trail)."""

    lock = models.ForeignKey(QuarterLock, on_delete=models.PROTECT, related_name="reopenings")
    reason = models.TextField(_("reason"))
    reopened_at = models.DateTimeField(default=timezone.now)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("quarter reopening")
        verbose_name_plural = _("quarter reopenings")
        ordering = ["-reopened_at"]

    def __str__(self) -> str:
        return f"{self.lock} reopened {self.reopened_at:%Y-%m-%d}"


_RUPIAH = {"max_digits": 15, "decimal_places": 0, "validators": [MinValueValidator(0)]}


class DanaDesa(models.Model):
    """Formulir 4 table 5: the desa's Dana Desa for a year and what went to stunting.

    Whole rupiah (APBDes amounts have no cents).
    """

    village = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    development_total = models.DecimalField(
        _("Bidang Pembangunan Desa: total allocation (Rp)"), **_RUPIAH
    )
    development_stunting = models.DecimalField(
        _("Bidang Pembangunan Desa: allocation for stunting (Rp)"), **_RUPIAH
    )
    empowerment_total = models.DecimalField(
        _("Bidang Pemberdayaan Masyarakat Desa: total allocation (Rp)"), **_RUPIAH
    )
    empowerment_stunting = models.DecimalField(
        _("Bidang Pemberdayaan Masyarakat Desa: allocation for stunting (Rp)"), **_RUPIAH
    )
    # Optional figures that the year's Dana Desa policy checks (meetings.policy; rembuk.md
    # "Dana Desa priorities change every year"): shares are of the ceiling.
    ceiling = models.DecimalField(
        _("Dana Desa ceiling of the year (pagu Dana Desa, Rp)"), null=True, blank=True, **_RUPIAH
    )
    blt = models.DecimalField(_("BLT Desa (Rp)"), null=True, blank=True, **_RUPIAH)
    food_security = models.DecimalField(
        _("Food security (ketahanan pangan, Rp)"), null=True, blank=True, **_RUPIAH
    )
    operations = models.DecimalField(
        _("Village government operations (Rp)"), null=True, blank=True, **_RUPIAH
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Dana Desa")
        verbose_name_plural = _("Dana Desa")
        constraints = [
            # Its index serves table 5's look-up (WHERE village_id = %s AND year = %s).
            models.UniqueConstraint(fields=["village", "year"], name="danadesa_one_per_year"),
        ]

    def __str__(self) -> str:
        return f"{self.village_id} {self.year}"

    @property
    def development_share(self) -> Decimal | None:
        return percent(int(self.development_stunting), int(self.development_total))

    @property
    def empowerment_share(self) -> Decimal | None:
        return percent(int(self.empowerment_stunting), int(self.empowerment_total))


# The dirty-marking signal handlers live in refresh.py; importing it here connects them once
# the models are loaded (they name their senders lazily, "monitoring.PregnancyVisit").
from tikar.scorecard import refresh as _refresh  # noqa: E402, F401
