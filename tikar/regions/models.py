"""Kemendagri administrative regions, and the posyandu of a desa."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Level(models.IntegerChoices):
    # The level is the number of dot-separated parts of the code.
    PROVINCE = 1, _("Province")
    REGENCY = 2, _("Regency/City")
    DISTRICT = 3, _("District")
    VILLAGE = 4, _("Village")


def level_of(code: str) -> int:
    return code.count(".") + 1


def parent_code(code: str) -> str | None:
    return code.rsplit(".", 1)[0] if "." in code else None


class Region(models.Model):
    """A province, kabupaten/kota, kecamatan or desa/kelurahan, keyed by its Kemendagri code.

    The code is the primary key because it is what every official document and NIK carries,
    and because its prefix encodes the ancestry: everything inside kabupaten `12.10` has a
    code starting with `12.10.`, which is how the access scope filters without joins.
    """

    code = models.CharField(_("region code"), max_length=13, primary_key=True)
    name = models.CharField(_("name"), max_length=100)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        indexes = [
            # Serves the region picker's name search within a level.
            models.Index(fields=["level", "name"], name="region_level_name"),
            # Serves the access scope's prefix filter (code LIKE '12.10.%') on PostgreSQL,
            # whose default collation cannot use the primary-key index for LIKE.
            models.Index(
                fields=["code"], name="region_code_prefix", opclasses=["varchar_pattern_ops"]
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def is_village(self) -> bool:
        return self.level == Level.VILLAGE

    @property
    def village_kind(self) -> str | None:
        """Desa, kelurahan or desa adat, read from the first digit of the last code part."""
        if self.level != Level.VILLAGE:
            return None
        return {"1": "kelurahan", "2": "desa", "3": "desa_adat"}.get(self.code[9], "desa")

    @property
    def kind_label(self) -> str:
        if self.level == Level.VILLAGE:
            return {
                "kelurahan": _("Kelurahan"),
                "desa": _("Desa"),
                "desa_adat": _("Desa adat"),
            }[self.village_kind or "desa"]
        if self.level == Level.REGENCY:
            # 71-99 are cities (kota), 01-69 regencies (kabupaten).
            return _("Kota") if int(self.code[3:5]) >= 70 else _("Kabupaten")
        return {Level.PROVINCE: _("Provinsi"), Level.DISTRICT: _("Kecamatan")}[self.level]

    @property
    def full_name(self) -> str:
        """The name as people say it: "Desa Sibargot", "Kecamatan Bilah Barat".

        Kabupaten/kota names in the Kemendagri list already start with "Kabupaten" or "Kota".
        """
        if self.level == Level.REGENCY:
            return self.name
        return f"{self.kind_label} {self.name}"

    def ancestors(self) -> list[Region]:
        """From the province down to the parent, in one query."""
        codes = []
        code = parent_code(self.code)
        while code:
            codes.append(code)
            code = parent_code(code)
        return list(Region.objects.filter(code__in=codes).order_by("level"))

    def contains(self, other_code: str) -> bool:
        return other_code == self.code or other_code.startswith(self.code + ".")


class Posyandu(models.Model):
    """A monthly community health post of one desa, managed by its Admin Desa."""

    village = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="posyandu",
        limit_choices_to={"level": Level.VILLAGE},
        verbose_name=_("village"),
    )
    name = models.CharField(_("name"), max_length=100)
    dusun = models.CharField(_("dusun"), max_length=100, blank=True)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("posyandu")
        verbose_name_plural = _("posyandu")
        constraints = [
            models.UniqueConstraint(fields=["village", "name"], name="posyandu_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name
