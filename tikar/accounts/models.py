"""Users, each with one role bound to one region."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tikar.regions.models import Level, Region


class Role(models.TextChoices):
    KPM = "kpm", _("KPM (Kader Pembangunan Manusia)")
    VILLAGE_ADMIN = "village_admin", _("Admin Desa")
    DISTRICT_OFFICER = "district_officer", _("Kecamatan officer")
    REGENCY_OFFICER = "regency_officer", _("Kabupaten/Kota officer")
    PROVINCE_OFFICER = "province_officer", _("Province officer")
    NATIONAL_ADMIN = "national_admin", _("National administrator")


# The region level each role is bound to. A national administrator has no region.
ROLE_LEVEL: dict[str, int | None] = {
    Role.KPM: Level.VILLAGE,
    Role.VILLAGE_ADMIN: Level.VILLAGE,
    Role.DISTRICT_OFFICER: Level.DISTRICT,
    Role.REGENCY_OFFICER: Level.REGENCY,
    Role.PROVINCE_OFFICER: Level.PROVINCE,
    Role.NATIONAL_ADMIN: None,
}

# Which roles a user of each role may create (always inside the creator's own region).
CREATABLE_ROLES: dict[str, tuple[str, ...]] = {
    Role.VILLAGE_ADMIN: (Role.KPM,),
    Role.DISTRICT_OFFICER: (),
    Role.REGENCY_OFFICER: (Role.VILLAGE_ADMIN, Role.DISTRICT_OFFICER),
    Role.PROVINCE_OFFICER: (Role.REGENCY_OFFICER,),
    Role.NATIONAL_ADMIN: (Role.PROVINCE_OFFICER, Role.NATIONAL_ADMIN),
    Role.KPM: (),
}


class User(AbstractUser):
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)
    region = models.ForeignKey(
        Region,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
        verbose_name=_("region"),
    )
    phone = models.CharField(_("phone number"), max_length=20, blank=True)
    created_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        indexes = [
            # Serves the user list of an area: users by role inside a region.
            models.Index(fields=["region", "role"], name="user_region_role"),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_village_user(self) -> bool:
        return self.role in (Role.KPM, Role.VILLAGE_ADMIN)

    @property
    def is_officer(self) -> bool:
        return self.role in (
            Role.DISTRICT_OFFICER,
            Role.REGENCY_OFFICER,
            Role.PROVINCE_OFFICER,
            Role.NATIONAL_ADMIN,
        )

    @property
    def has_valid_binding(self) -> bool:
        """A role whose region is of the right level; anything else sees nothing."""
        if self.role not in ROLE_LEVEL:
            return False
        level = ROLE_LEVEL[self.role]
        if level is None:
            return True
        return self.region is not None and self.region.level == level
