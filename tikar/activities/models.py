"""The KPM's duties outside the monthly forms, and the kabupaten's KPM training.

Sources: the KPM's duties in the Juknis KPM (sosialisasi of the convergence policy and of the
growth mat, bringing fathers to counselling, community participation, coordination with the
bidan, puskesmas, water and sanitation managers, PAUD teachers and village staff, the quarterly
coordination meeting that discusses Formulir 3) and the district's convergence action 5
(pembinaan KPM). See docs/rembuk.md.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tikar.regions.models import Region


class ParticipantGroup(models.TextChoices):
    """Who takes part in a village meeting or a KPM activity (rembuk.md, "Participants").

    One list for the Rembuk's attendance and the activity log's counts, so that the two can be
    compared; "parents" is for the activity log (fathers' and mothers' sessions).
    """

    VILLAGE_GOVERNMENT = "village_government", _("Village government")
    BPD = "bpd", _("BPD (village council)")
    PKK = "pkk", _("PKK")
    POSYANDU_CADRE = "posyandu_cadre", _("Posyandu cadre")
    MIDWIFE = "midwife", _("Village midwife")
    KPM = "kpm", _("KPM")
    PAUD_TEACHER = "paud_teacher", _("PAUD teacher")
    PUSKESMAS = "puskesmas", _("Puskesmas (nutritionist, sanitarian)")
    COMMUNITY = "community", _("Community group")
    PARENTS = "parents", _("Parents and caregivers")
    DISTRICT_TEAM = "district_team", _("Kecamatan team")
    SECURITY = "security", _("Babinsa / Bhabinkamtibmas")
    WATER = "water", _("Water and sanitation manager (Pamsimas)")
    SOCIAL = "social", _("Social programme staff (PKH)")
    RELIGIOUS = "religious", _("Religious or community leader")
    FAMILY_PLANNING = "family_planning", _("Family planning field officer (BKKBN)")
    OTHER = "other", _("Other")


class ActivityKind(models.TextChoices):
    SOCIALISATION = "socialisation", _("Socialising the convergence policy")
    GROWTH_MAT = "growth_mat", _("Introducing the growth mat")
    FATHERS = "fathers", _("Bringing fathers to counselling")
    COMMUNITY = "community", _("Community participation")
    PARTNER_MEETING = "partner_meeting", _("Coordination meeting with partners")
    QUARTERLY_REVIEW = "quarterly_review", _("Quarterly coordination meeting (Formulir 3)")
    OTHER = "other", _("Other activity")


class Activity(models.Model):
    """One KPM activity in a desa: what, when, with whom (counts in `Attendance`), notes."""

    village = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind of activity"), max_length=20, choices=ActivityKind.choices)
    held_on = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=200, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    partners = models.CharField(_("partners involved"), max_length=300, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    # The quarterly coordination meeting discusses one quarter's Formulir 3.
    reviewed_year = models.PositiveSmallIntegerField(_("year discussed"), null=True, blank=True)
    reviewed_quarter = models.PositiveSmallIntegerField(
        _("quarter discussed"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The new-activity form's one-time token: a second submit of the same form (a double tap,
    # a resend after a timeout) finds this row instead of creating another.
    submit_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    # When it was written down: how late after `held_on` (the officers' timeliness view).
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("KPM activity")
        verbose_name_plural = _("KPM activities")
        indexes = [
            # Serves the desa's log by month and the officers' per-KPM counts over an area.
            models.Index(fields=["village", "held_on"], name="activity_village_date"),
        ]

    def __str__(self) -> str:
        return f"{self.village_id} {self.held_on} {self.kind}"


class Attendance(models.Model):
    """Who took part in an activity: a count of men and women per group."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="attendance")
    group = models.CharField(_("group"), max_length=20, choices=ParticipantGroup.choices)
    men = models.PositiveSmallIntegerField(_("men"), default=0)
    women = models.PositiveSmallIntegerField(_("women"), default=0)

    class Meta:
        verbose_name = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["activity", "group"], name="attendance_one_per_group"),
        ]

    def __str__(self) -> str:
        return f"{self.activity_id} {self.group} L{self.men} P{self.women}"


class Training(models.Model):
    """A KPM training event held by a kabupaten/kota (convergence action 5)."""

    regency = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    held_from = models.DateField(_("from"))
    held_to = models.DateField(_("to"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # As Activity.submit_token: a double submit of the new-training form makes one row.
    submit_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("KPM training")
        indexes = [
            # Serves the kabupaten's list of trainings, newest first.
            models.Index(fields=["regency", "held_from"], name="training_regency_date"),
        ]

    def __str__(self) -> str:
        return f"{self.regency_id} {self.held_from} {self.title}"


class TrainingAttendance(models.Model):
    """One KPM invited to a training, and whether they attended."""

    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="attendance")
    kpm = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    attended = models.BooleanField(_("attended"), default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["training", "kpm"], name="training_one_per_kpm"),
        ]

    def __str__(self) -> str:
        return f"{self.training_id} {self.kpm_id} {self.attended}"
