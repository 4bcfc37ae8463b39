"""Monthly monitoring records (Formulir 2a / 2b / 2c), the yearly Formulir 1 and sync conflicts.

One record per target and month (forms.md): a partial UniqueConstraint on (target, month)
among live rows; `services.record_month` turns a second entry into an edit of the first.
Every row is a `SyncedModel` (UUID, village, version, change_seq, tombstone; see
`tikar.households.models`).
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tikar.growth.who2006 import score_many, score_one
from tikar.households.models import (
    Child,
    Pregnancy,
    RiskStatus,
    SyncedModel,
    sync_index,
)
from tikar.households.rules import check_gestation_month
from tikar.households.validation import raise_errors, refuse_future
from tikar.monitoring import formulir1, rules
from tikar.monitoring.records import ChildMonth, PaudMonth, PregnancyMonth
from tikar.regions.models import Level, Posyandu, Region

LIVE = Q(deleted_at__isnull=True)


class MonthlyRecord(SyncedModel):
    """A target's record for one month; `month` is always the 1st of that month."""

    TARGET_FIELD = ""
    FORM = ""  # rules.FORM_2A / 2B / 2C
    # The fields a client may send (record_month refuses others); derived ones are not here.
    CLIENT_FIELDS: frozenset[str] = frozenset()

    month = models.DateField()
    visit_date = models.DateField(null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def target(self):
        return getattr(self, self.TARGET_FIELD)

    def derive_village(self) -> str | None:
        target_id = getattr(self, f"{self.TARGET_FIELD}_id", None)
        return self.target.village_id if target_id else None

    def rule_problems(self):
        today = timezone.localdate()
        problems = rules.check_month_key(self.month, today)
        if not problems:
            problems = rules.check_month_not_too_old(self.month, today) + self.followed_problems()
        return (
            problems
            + refuse_future(visit_date=self.visit_date)
            + rules.check_visit_in_month(self.visit_date, self.month)
        )

    def followed_problems(self):
        """Refused when the target is not followed on this form in this month (rules.py).

        The import sets `check_followed = False` for a month whose target row is itself wrong
        (say its birth date): that row is reported, and its months are not judged against a
        date about to be corrected.
        """
        if not getattr(self, "check_followed", True):
            return []
        if not getattr(self, f"{self.TARGET_FIELD}_id", None):
            return []
        t = self.target
        return rules.check_month_followed(
            self.FORM,
            self.month,
            birth_date=getattr(t, "birth_date", None),
            delivery_date=getattr(t, "delivery_date", None),
            due_date=getattr(t, "due_date", None),
            closed_at=t.closed_at,
        )

    def clean(self) -> None:
        raise_errors(self.rule_problems())

    def save(self, *args, lock_checked: bool = False, **kwargs) -> None:
        """Save; refused when the record's quarter is validated (locked).

        `lock_checked=True` is for `services.record_month` only, which has just checked the
        lock of this record's desa and month inside the same transaction: the check is not
        run a second time for the same save.
        """
        # A record of a quarter validated by the Admin Desa cannot change until the quarter is
        # reopened (forms.md, Formulir 4). soft_delete() saves through here, so it is covered.
        # Imported here: tikar.scorecard's models import this module's records.
        from tikar.monitoring.locks import ensure_month_open

        if not lock_checked:
            ensure_month_open(self.village_id or self.derive_village(), self.month)
        super().save(*args, **kwargs)


class PregnancyVisit(MonthlyRecord):
    """Formulir 2a: an ibu hamil / nifas in one month."""

    TARGET_FIELD = "pregnancy"
    FORM = rules.FORM_2A
    CLIENT_FIELDS = frozenset(
        {
            "visit_date",
            "posyandu",
            "gestation_month",
            "risk_status",
            "anc_check",
            "iron_tablets",
            "iron_tablet_count",
            "postnatal_checks",
            "nutrition_counselling",
            "home_visit",
            "safe_water",
            "latrine",
            "health_insurance",
            "muac_cm",
        }
    )

    pregnancy = models.ForeignKey(Pregnancy, on_delete=models.PROTECT, related_name="visits")
    posyandu = models.ForeignKey(
        Posyandu, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    gestation_month = models.PositiveSmallIntegerField(null=True, blank=True)  # empty after birth
    risk_status = models.CharField(
        max_length=6, choices=RiskStatus.choices, default=RiskStatus.NORMAL
    )
    anc_check = models.BooleanField(null=True, blank=True)  # None: not asked
    iron_tablets = models.BooleanField(null=True, blank=True)  # None: not asked
    iron_tablet_count = models.PositiveSmallIntegerField(null=True, blank=True)
    postnatal_checks = models.PositiveSmallIntegerField(default=0)
    nutrition_counselling = models.BooleanField(null=True, blank=True)  # None: not asked
    home_visit = models.BooleanField(null=True, blank=True)  # None: not asked
    safe_water = models.BooleanField(null=True, blank=True)  # None: not asked
    latrine = models.BooleanField(null=True, blank=True)  # None: not asked
    health_insurance = models.BooleanField(null=True, blank=True)  # None: not asked
    muac_cm = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pregnancy monthly record")
        verbose_name_plural = _("pregnancy monthly records")
        constraints = [
            models.UniqueConstraint(
                fields=["pregnancy", "month"], condition=LIVE, name="pregnancyvisit_one_per_month"
            ),
            models.CheckConstraint(
                condition=Q(gestation_month__isnull=True) | Q(gestation_month__range=(1, 9)),
                name="pregnancyvisit_gestation_1_9",
            ),
            models.CheckConstraint(
                condition=Q(postnatal_checks__lte=4), name="pregnancyvisit_postnatal_0_4"
            ),
        ]
        indexes = [
            sync_index("pregnancyvisit_sync"),
            # Serves the month's list and the quarter recap of a desa: village + month range.
            models.Index(fields=["village", "month"], name="pregnancyvisit_month"),
        ]

    def rule_problems(self):
        return (
            super().rule_problems()
            + check_gestation_month(self.gestation_month)
            + rules.check_postnatal_checks(self.postnatal_checks)
            + rules.check_mother_muac(self.muac_cm)
        )

    def as_record(self) -> PregnancyMonth:
        return PregnancyMonth(
            record_id=str(self.id),
            month=self.month,
            visit_date=self.visit_date,
            gestation_month=self.gestation_month,
            risk_status=self.risk_status,
            anc_check=self.anc_check,
            iron_tablets=self.iron_tablets,
            iron_tablet_count=self.iron_tablet_count,
            postnatal_checks=self.postnatal_checks,
            nutrition_counselling=self.nutrition_counselling,
            home_visit=self.home_visit,
            safe_water=self.safe_water,
            latrine=self.latrine,
            health_insurance=self.health_insurance,
        )


class GrowthMat(models.TextChoices):
    HIJAU = "hijau", "Hijau"
    KUNING = "kuning", "Kuning"
    MERAH = "merah", "Merah"
    TIDAK_DIUKUR = "tidak_diukur", "Tidak diukur"


_ONE_DECIMAL = [MinValueValidator(Decimal("0.1"))]


def _z_fields(ind: str) -> dict[str, models.Field]:
    return {
        f"z{ind}": models.FloatField(null=True, blank=True, editable=False),
        f"z{ind}_unrounded": models.FloatField(null=True, blank=True, editable=False),
        f"f{ind}": models.BooleanField(null=True, blank=True, editable=False),
    }


class ChildVisit(MonthlyRecord):
    """Formulir 2b: an anak 0-23 bulan in one month, with the WHO results computed on save."""

    TARGET_FIELD = "child"
    FORM = rules.FORM_2B
    # The measurement (all a weighing-only record of 24-59 months may hold) and the services.
    CLIENT_FIELDS = rules.WEIGHING_ONLY_FIELDS | frozenset(
        {
            "immunisation_up_to_date",
            "immunisation_basic_complete",
            "immunisation_measles",
            "counselling_mother",
            "counselling_father",
            "home_visit",
            "safe_water",
            "latrine",
            "birth_certificate",
            "health_insurance",
            "parenting_class",
        }
    )

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="visits")
    posyandu = models.ForeignKey(
        Posyandu, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    weight_kg = models.DecimalField(
        max_digits=4, decimal_places=1, null=True, blank=True, validators=_ONE_DECIMAL
    )
    length_cm = models.DecimalField(
        max_digits=4, decimal_places=1, null=True, blank=True, validators=_ONE_DECIMAL
    )
    measured_lying = models.BooleanField(null=True, blank=True)  # None = not recorded
    head_circumference_cm = models.DecimalField(
        max_digits=4, decimal_places=1, null=True, blank=True, validators=_ONE_DECIMAL
    )
    muac_cm = models.DecimalField(
        max_digits=4, decimal_places=1, null=True, blank=True, validators=_ONE_DECIMAL
    )
    oedema = models.BooleanField(null=True, blank=True)  # None: not asked
    growth_mat = models.CharField(
        max_length=12, choices=GrowthMat.choices, default=GrowthMat.TIDAK_DIUKUR
    )

    # Computed on save from the measurement (tikar.growth.who2006.score_one); never typed.
    age_days = models.PositiveIntegerField(null=True, blank=True, editable=False)
    position_warning = models.BooleanField(default=False, editable=False)
    adjusted_length_cm = models.FloatField(null=True, blank=True, editable=False)  # clenhei
    bmi = models.FloatField(null=True, blank=True, editable=False)
    zlen, zlen_unrounded, flen = _z_fields("len").values()
    zwei, zwei_unrounded, fwei = _z_fields("wei").values()
    zwfl, zwfl_unrounded, fwfl = _z_fields("wfl").values()
    zbmi, zbmi_unrounded, fbmi = _z_fields("bmi").values()
    zhc, zhc_unrounded, fhc = _z_fields("hc").values()
    zac, zac_unrounded, fac = _z_fields("ac").values()
    cat_len = models.CharField(max_length=30, blank=True, editable=False)
    cat_wei = models.CharField(max_length=30, blank=True, editable=False)
    cat_wfl = models.CharField(max_length=30, blank=True, editable=False)
    cat_bmi = models.CharField(max_length=30, blank=True, editable=False)
    # Status gizi, derived (three flags so that counts are simple filters).
    is_stunting = models.BooleanField(default=False, editable=False)
    is_gizi_buruk = models.BooleanField(default=False, editable=False)
    is_gizi_kurang = models.BooleanField(default=False, editable=False)
    weighed = models.BooleanField(default=False, editable=False)
    measured = models.BooleanField(default=False, editable=False)

    # The posyandu's judgement of the weighing (tikar.growth.weighing, spec/posyandu.md): kept
    # current for every month of the child by tikar.monitoring.weighing.refresh_child, since a
    # month's code depends on the month before. Never typed; the reason below is.
    weight_gain = models.CharField(
        max_length=1, blank=True, editable=False
    )  # "N" | "T" | "O" | "B" | "" (not weighed)
    weight_gain_g = models.IntegerField(null=True, blank=True, editable=False)  # since last month
    weight_gain_kbm_g = models.IntegerField(null=True, blank=True, editable=False)  # KBM applied
    two_t = models.BooleanField(default=False, editable=False)
    gain_overridden = models.BooleanField(default=False, editable=False)
    # Typed by a health worker: the curve follows its growth line, so a computed T counts as N.
    gain_override_reason = models.CharField(max_length=200, blank=True)

    immunisation_up_to_date = models.BooleanField(null=True, blank=True)  # None: not asked
    immunisation_basic_complete = models.BooleanField(null=True, blank=True)  # None: not asked
    immunisation_measles = models.BooleanField(null=True, blank=True)  # None: not asked
    counselling_mother = models.BooleanField(null=True, blank=True)  # None: not asked
    counselling_father = models.BooleanField(null=True, blank=True)  # None: not asked
    home_visit = models.BooleanField(null=True, blank=True)  # None: not asked
    safe_water = models.BooleanField(null=True, blank=True)  # None: not asked
    latrine = models.BooleanField(null=True, blank=True)  # None: not asked
    birth_certificate = models.BooleanField(null=True, blank=True)  # None: not asked
    health_insurance = models.BooleanField(null=True, blank=True)  # None: not asked
    parenting_class = models.BooleanField(null=True, blank=True)  # None: not asked
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("child monthly record")
        verbose_name_plural = _("child monthly records")
        constraints = [
            models.UniqueConstraint(
                fields=["child", "month"], condition=LIVE, name="childvisit_one_per_month"
            ),
        ]
        indexes = [
            sync_index("childvisit_sync"),
            # Serves the month's list and the quarter recap of a desa: village + month range.
            models.Index(fields=["village", "month"], name="childvisit_month"),
        ]

    @property
    def nutrition_status(self) -> frozenset[str]:
        """The stored status gizi; UNJUDGED when a WHO flag makes it unknowable (rules.py)."""
        return frozenset(
            code
            for code, on in (
                (rules.STUNTING, self.is_stunting),
                (rules.GIZI_BURUK, self.is_gizi_buruk),
                (rules.GIZI_KURANG, self.is_gizi_kurang),
                (rules.UNJUDGED, rules.is_unjudged(self.flen, self.fwei, self.fwfl, self.oedema)),
            )
            if on
        )

    def rule_problems(self):
        return (
            super().rule_problems()
            + rules.check_measurement_has_date(self.visit_date, self.weight_kg, self.length_cm)
            + rules.check_positive(self.weight_kg, "weight_kg", "Berat badan")
            + rules.check_positive(self.length_cm, "length_cm", "Panjang/tinggi badan")
            + rules.check_visit_after_birth(
                self.visit_date, self.child.birth_date if self.child_id else None
            )
            + rules.check_child_measurement_limits(
                weight_kg=self.weight_kg,
                length_cm=self.length_cm,
                head_circumference_cm=self.head_circumference_cm,
                muac_cm=self.muac_cm,
            )
            + rules.check_weighing_only(
                self.child.birth_date if self.child_id else None, self.month, self.answered()
            )
            + self.override_problems()
        )

    def answered(self) -> list[str]:
        """The client fields holding an answer (not None, not empty; the mat's "tidak diukur"
        is its default and counts as no answer)."""
        return [
            name
            for name in self.CLIENT_FIELDS
            if getattr(self, self._meta.get_field(name).attname) not in (None, "")
            and not (name == "growth_mat" and self.growth_mat == GrowthMat.TIDAK_DIUKUR)
        ]

    def override_problems(self):
        """`gain_override_reason` is refused unless the weighing is judged T when it is typed.

        Checked only when the reason is new or changed (a stored reason stays in the history
        even if a later correction makes the weighing N: the override then has no effect).
        """
        from tikar.growth.weighing import GAIN_LABELS, T
        from tikar.households.problems import ERROR, Problem
        from tikar.monitoring.weighing import judge_unsaved

        reason = (self.gain_override_reason or "").strip()
        if not reason or not self.child_id or self.month is None:
            return []
        if not self._state.adding:
            stored = (
                type(self)
                .objects.filter(pk=self.pk)
                .values_list("gain_override_reason", flat=True)
                .first()
            )
            if stored is not None and stored.strip() == reason:
                return []
        j = judge_unsaved(
            self.child, self.month, self.weight_kg, visit_date=self.visit_date, exclude_id=self.pk
        )
        if j.code == T:
            return []
        now = f"dinilai {GAIN_LABELS[j.code]}" if j.code else "belum berisi berat badan"
        return [
            Problem(
                "override_not_t",
                'Alasan "mengikuti garis pertumbuhannya" hanya untuk penimbangan yang dinilai '
                f"T (tidak naik); penimbangan ini {now}. Kosongkan alasannya.",
                ERROR,
                "gain_override_reason",
            )
        ]

    def score_input(self) -> dict:
        """This record's measurement as the WHO engine's arguments (`score_one`'s names)."""
        child = self.child
        age_days = (self.visit_date - child.birth_date).days if self.visit_date else None

        def num(value):
            return None if value is None else float(value)

        return {
            "sex": "1" if child.sex == "L" else "2",
            "age_days": age_days,
            "weight": num(self.weight_kg),
            "lenhei": num(self.length_cm),
            "measure": {True: "l", False: "h"}.get(self.measured_lying),
            "headc": num(self.head_circumference_cm),
            "armc": num(self.muac_cm),
            "oedema": self.oedema,
        }

    def score(self) -> dict:
        """WHO 2006 results for this record's measurement (nothing stored)."""
        return score_one(**self.score_input())

    @classmethod
    def compute_growth_many(cls, records: list[ChildVisit]) -> list[dict]:
        """`compute_growth` for many unsaved records with one call of the WHO engine (the
        bulk import); returns each record's WHO results, in order."""
        scores = score_many([r.score_input() for r in records])
        for record, score in zip(records, scores, strict=True):
            record.apply_score(score)
        return scores

    def compute_growth(self) -> dict:
        return self.apply_score(self.score())

    def apply_score(self, score: dict) -> dict:
        """Set the derived columns from the WHO results `score` (returned as given)."""
        self.age_days = score["age_days"]
        self.position_warning = score["position_warning"]
        self.adjusted_length_cm = score["clenhei"]
        self.bmi = score["cbmi"]
        for ind in ("len", "wei", "wfl", "bmi", "hc", "ac"):
            setattr(self, f"z{ind}", score[f"z{ind}"])
            setattr(self, f"z{ind}_unrounded", score[f"z{ind}_unrounded"])
            flag = score[f"f{ind}"]
            setattr(self, f"f{ind}", None if flag is None else bool(flag))
        for ind in ("len", "wei", "wfl", "bmi"):
            setattr(self, f"cat_{ind}", score[f"cat_{ind}"] or "")
        status = rules.nutrition_status(score, self.oedema)
        self.is_stunting = rules.STUNTING in status
        self.is_gizi_buruk = rules.GIZI_BURUK in status
        self.is_gizi_kurang = rules.GIZI_KURANG in status
        self.weighed = self.weight_kg is not None
        self.measured = self.length_cm is not None
        return score

    def save(self, *args, **kwargs) -> None:
        # Kept for services.record_month, whose growth warnings read the same WHO results
        # (scoring is most of a save's Python time); it takes it off the instance once read.
        self._saved_score = self.compute_growth()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = set(kwargs["update_fields"]) | _DERIVED_CHILD_FIELDS
        super().save(*args, **kwargs)
        # The weighing judgement of this month and the months after it (N/T/O/B, 2T).
        from tikar.monitoring.weighing import after_visit_saved

        after_visit_saved(self)

    def as_record(self, nutrition_status: frozenset[str] | None = None) -> ChildMonth:
        """The engine's input; `nutrition_status` overrides with a carried-forward status."""
        return ChildMonth(
            record_id=str(self.id),
            month=self.month,
            visit_date=self.visit_date,
            weighed=self.weighed,
            measured=self.measured,
            immunisation_up_to_date=self.immunisation_up_to_date,
            immunisation_basic_complete=self.immunisation_basic_complete,
            immunisation_measles=self.immunisation_measles,
            counselling_mother=self.counselling_mother,
            counselling_father=self.counselling_father,
            home_visit=self.home_visit,
            safe_water=self.safe_water,
            latrine=self.latrine,
            birth_certificate=self.birth_certificate,
            health_insurance=self.health_insurance,
            parenting_class=self.parenting_class,
            nutrition_status=(
                self.nutrition_status if nutrition_status is None else nutrition_status
            ),
            growth_mat=self.growth_mat,
        )


_DERIVED_CHILD_FIELDS = {
    f.name
    for f in ChildVisit._meta.concrete_fields
    if not f.editable and f.name not in {"id", "version", "change_seq", "created_at"}
}


class PaudStatus(models.TextChoices):
    BELUM = "belum", "Belum"
    MENGIKUTI = "mengikuti", "Mengikuti"
    TIDAK_MENGIKUTI = "tidak_mengikuti", "Tidak mengikuti"


class PaudRecord(MonthlyRecord):
    """Formulir 2c: a child 2-6 years in one month."""

    TARGET_FIELD = "child"
    FORM = rules.FORM_2C
    CLIENT_FIELDS = frozenset({"visit_date", "status"})

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="paud_records")
    status = models.CharField(max_length=16, choices=PaudStatus.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("PAUD monthly record")
        verbose_name_plural = _("PAUD monthly records")
        constraints = [
            models.UniqueConstraint(
                fields=["child", "month"], condition=LIVE, name="paudrecord_one_per_month"
            ),
        ]
        indexes = [
            sync_index("paudrecord_sync"),
            # Serves the month's list and the quarter recap of a desa: village + month range.
            models.Index(fields=["village", "month"], name="paudrecord_month"),
        ]

    def as_record(self) -> PaudMonth:
        return PaudMonth(month=self.month, status=self.status)


class VillageYear(SyncedModel):
    """Formulir 1 (b) service availability and (c) facility counts of a desa for a year.

    (a), the target recap, is computed from the register and not stored here.
    """

    year = models.PositiveSmallIntegerField()
    # {provider: {question: bool}} with the codes of formulir1.PROVIDERS / QUESTIONS.
    service_matrix = models.JSONField(default=formulir1.empty_service_matrix)
    # {facility kind: count} with the codes of formulir1.FACILITY_KINDS.
    facility_counts = models.JSONField(default=formulir1.empty_facility_counts)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("village year (Formulir 1)")
        verbose_name_plural = _("village years (Formulir 1)")
        constraints = [
            models.UniqueConstraint(
                fields=["village", "year"], condition=LIVE, name="villageyear_one_per_year"
            ),
        ]
        indexes = [sync_index("villageyear_sync")]

    def clean(self) -> None:
        raise_errors(
            formulir1.check_service_matrix(self.service_matrix)
            + formulir1.check_facility_counts(self.facility_counts)
        )


class Conflict(models.Model):
    """A client's change that collided with a newer server change (offline.md 3-4).

    The server kept its values; the client's are stored here so nothing is dropped, until
    someone (KPM or Admin Desa) resolves it.
    """

    village = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": Level.VILLAGE},
    )
    record_type = models.CharField(max_length=60)  # model label, "monitoring.childvisit"
    record_id = models.UUIDField()
    # Target.KIND of the record's target ("pregnancy" | "child"), or for a register record the
    # record itself ("household" | "mother" | "pregnancy" | "child").
    target_type = models.CharField(max_length=20)
    target_id = models.UUIDField()
    month = models.DateField(null=True, blank=True)  # None for a register record
    base_version = models.PositiveIntegerField(null=True, blank=True)
    server_version = models.PositiveIntegerField()
    client_fields = models.JSONField()  # everything the client sent
    conflicting_fields = models.JSONField(default=list)  # the names that collided
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sync conflict")
        verbose_name_plural = _("sync conflicts")
        indexes = [
            # Serves the desa's "Konflik yang belum diselesaikan" list (resolved_at IS NULL).
            models.Index(fields=["village", "resolved_at"], name="conflict_open"),
            # Serves the record screen's "this record has a pending conflict" badge.
            models.Index(fields=["record_id"], name="conflict_record"),
        ]

    def __str__(self) -> str:
        month = f" {self.month:%Y-%m}" if self.month else ""
        return f"{self.record_type} {self.record_id}{month}"
