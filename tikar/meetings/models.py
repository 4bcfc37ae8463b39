"""The Rembuk Stunting Desa (`VillageMeeting`), its attendance, its priority list
(`Proposal`) and each proposal's path into the village budget.

Sources: ../shared/spec/rembuk.md (the Juknis Rembuk Stunting Desa; Berita Acara fields;
Permendagri 20/2018 activity codes; Permendesa 16/2019 for the village planning cycle) and
forms.md (the 5 service packages, Formulir 4 table 5). docs/rembuk.md gives every choice.

Years: a meeting held in year n (`year`) feeds the RKPDes and APBDes of year n + 1
(`plan_year`); table 5 of year n + 1 is prefilled from its proposals allocated in the APBDes.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tikar.activities.models import ParticipantGroup
from tikar.households.models import Sex
from tikar.regions.models import Region

# Whole rupiah, as in scorecard.DanaDesa (APBDes amounts have no cents).
_RUPIAH = {"max_digits": 15, "decimal_places": 0, "validators": [MinValueValidator(0)]}


class ServicePackage(models.IntegerChoices):
    """The 5 convergence service packages (forms.md, "The 5 service packages")."""

    KIA = 1, _("1. Maternal and child health (KIA)")
    NUTRITION = 2, _("2. Integrated nutrition counselling")
    WATER_SANITATION = 3, _("3. Clean water and sanitation")
    SOCIAL_PROTECTION = 4, _("4. Social protection")
    PAUD = 5, _("5. Early childhood education (PAUD)")


class InterventionKind(models.TextChoices):
    SPECIFIC = "specific", _("Specific (spesifik)")
    SENSITIVE = "sensitive", _("Sensitive (sensitif)")


class FundingSource(models.TextChoices):
    """Where a proposal's money comes from. A desa uses the first four, a kelurahan the last
    three (it has no Dana Desa and no APBDes: terms.budget_terms says which)."""

    DANA_DESA = "dana_desa", _("Dana Desa")
    VILLAGE_OTHER = "village_other", _("Other APBDes revenue")
    APBD = "apbd", _("APBD (kabupaten/kota)")
    OTHER = "other", _("Others")
    DANA_KELURAHAN = "dana_kelurahan", _("Dana kelurahan")


class ProposalStage(models.TextChoices):
    """A proposal's path: proposed → accepted into the RKPDes → allocated in the APBDes →
    realised; or not accepted."""

    PROPOSED = "proposed", _("Proposed")
    PLANNED = "planned", _("Accepted into the RKPDes")
    ALLOCATED = "allocated", _("Allocated in the APBDes")
    REALISED = "realised", _("Realised")
    REJECTED = "rejected", _("Not accepted")


class VillageMeeting(models.Model):
    """The Rembuk Stunting Desa of a desa in a year, as its Berita Acara records it."""

    village = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    held_on = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200)
    facilitators = models.TextField(_("facilitators and resource persons"), blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    # The scorecard presented, frozen when the meeting records it: later edits to the monthly
    # records do not change what the meeting saw. The shape is report.scorecard_data().
    scorecard_year = models.PositiveSmallIntegerField(_("scorecard year"), null=True, blank=True)
    scorecard_quarter = models.PositiveSmallIntegerField(
        _("scorecard quarter"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
    )
    scorecard_snapshot = models.JSONField(null=True, blank=True, editable=False)
    snapshot_taken_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The village's stunting target for next year: % of children 0-23 months stunted
    # (rembuk.md: villages rarely agree a numeric target; record one).
    stunting_target_percent = models.DecimalField(
        _("stunting target for next year (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    quarterly_coordination = models.BooleanField(
        _("agreed to meet every 3 months for coordination"), default=True
    )
    commitments = models.TextField(_("other commitments"), blank=True)
    village_head_name = models.CharField(_("name of the kepala desa / lurah"), max_length=200,
                                         blank=True)  # fmt: skip
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Rembuk Stunting Desa")
        verbose_name_plural = _("Rembuk Stunting Desa")
        constraints = [
            # Its index serves the meeting page's look-up (WHERE village_id = %s AND year = %s).
            models.UniqueConstraint(fields=["village", "year"], name="meeting_one_per_year"),
        ]
        indexes = [
            # Serves the officers' roll-up: the meetings of a year under an area code.
            models.Index(fields=["year", "village"], name="meeting_year_village"),
        ]

    def __str__(self) -> str:
        return f"{self.village_id} {self.year}"

    @property
    def plan_year(self) -> int:
        """The RKPDes / APBDes year this meeting feeds."""
        return self.year + 1


class Participant(models.Model):
    """One line of the attendance annex."""

    meeting = models.ForeignKey(VillageMeeting, on_delete=models.CASCADE,
                                related_name="participants")  # fmt: skip
    name = models.CharField(_("name"), max_length=200)
    group = models.CharField(_("group"), max_length=20, choices=ParticipantGroup.choices)
    institution = models.CharField(_("role or institution"), max_length=200, blank=True)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    # Signs the Berita Acara on behalf of the participants.
    signs_minutes = models.BooleanField(_("signs the Berita Acara"), default=False)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.name


class Proposal(models.Model):
    """One line of the agreed priority list, and its path into the budget."""

    meeting = models.ForeignKey(VillageMeeting, on_delete=models.CASCADE,
                                related_name="proposals")  # fmt: skip
    order = models.PositiveSmallIntegerField(default=0)
    activity = models.CharField(_("activity"), max_length=300)
    package = models.PositiveSmallIntegerField(_("service package"),
                                               choices=ServicePackage.choices)  # fmt: skip
    kind = models.CharField(_("kind"), max_length=10, choices=InterventionKind.choices)
    # "<group>:<indicator code>" of scorecard.rules.INDICATORS (e.g. "child:weighed"), or ""
    # when the proposal answers no single indicator.
    indicator = models.CharField(_("gap it answers"), max_length=40, blank=True)
    target_group = models.CharField(_("target group"), max_length=200, blank=True)
    dusun = models.CharField(_("dusun"), max_length=100, blank=True)
    volume = models.DecimalField(_("volume"), max_digits=12, decimal_places=2, null=True,
                                 blank=True, validators=[MinValueValidator(0)])  # fmt: skip
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    estimated_cost = models.DecimalField(_("estimated cost (Rp)"), **_RUPIAH)
    funding_source = models.CharField(_("funding source"), max_length=20,
                                      choices=FundingSource.choices)  # fmt: skip
    implementer = models.CharField(_("implementer"), max_length=200, blank=True)
    timing = models.CharField(_("timing"), max_length=100, blank=True)
    # A Permendagri 20/2018 code (meetings/data/village_activity_codes.json) or a kabupaten's
    # own code 90-99 (LocalActivityCode); "" while not yet coded.
    activity_code = models.CharField(_("village budget activity code"), max_length=12,
                                     blank=True)  # fmt: skip
    stage = models.CharField(_("stage"), max_length=10, choices=ProposalStage.choices,
                             default=ProposalStage.PROPOSED)  # fmt: skip
    planned_amount = models.DecimalField(_("amount in the RKPDes (Rp)"), null=True, blank=True,
                                         **_RUPIAH)  # fmt: skip
    allocated_amount = models.DecimalField(_("amount allocated in the APBDes (Rp)"), null=True,
                                           blank=True, **_RUPIAH)  # fmt: skip
    realised_amount = models.DecimalField(_("amount realised (Rp)"), null=True, blank=True,
                                          **_RUPIAH)  # fmt: skip
    stage_note = models.CharField(_("note on the budget path"), max_length=300, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.activity


class LocalActivityCode(models.Model):
    """A kabupaten/kota's own village activity code (Permendagri 20/2018 leaves 90-99 of each
    sub-bidang to the regency)."""

    regency = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    code = models.CharField(_("code"), max_length=12)
    name = models.CharField(_("activity"), max_length=300)
    package = models.PositiveSmallIntegerField(_("service package"), null=True, blank=True,
                                               choices=ServicePackage.choices)  # fmt: skip
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            # Its index serves the proposal form's code list (WHERE regency_id = %s).
            models.UniqueConstraint(fields=["regency", "code"], name="local_code_once"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"
