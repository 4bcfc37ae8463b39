"""A kabupaten's choice of growth-monitoring standards (docs/posyandu.md).

One row per kabupaten/kota: which KBM table judges N/T (tikar.growth.weighing, data/kbm.json)
and the growth mat's colour cut-offs (tikar.growth.mat). Without a row the defaults apply
(tikar.growth.standards). Edited by a regency officer on /standar-pertumbuhan/.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tikar.growth.weighing import DEFAULT_KBM_TABLE, kbm_tables
from tikar.regions.models import Level, Region


def kbm_table_choices() -> list[tuple[str, str]]:
    return [(key, t.label) for key, t in kbm_tables().items()]


class GrowthStandard(models.Model):
    regency = models.OneToOneField(
        Region,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": Level.REGENCY},
        verbose_name=_("kabupaten/kota"),
    )
    kbm_table = models.CharField(
        _("KBM table"), max_length=40, choices=kbm_table_choices, default=DEFAULT_KBM_TABLE
    )
    mat_merah_below = models.FloatField(_("growth mat: Merah below (z)"), default=-2.0)
    mat_hijau_from = models.FloatField(_("growth mat: Hijau from (z)"), default=-1.0)
    mat_verified = models.BooleanField(_("growth mat cut-offs verified"), default=False)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("growth standard")
        verbose_name_plural = _("growth standards")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(mat_merah_below__lt=models.F("mat_hijau_from")),
                name="growthstandard_merah_below_hijau",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.regency_id}: {self.kbm_table}"
