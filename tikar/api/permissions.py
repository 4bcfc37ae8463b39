"""Who may write through the API; who may read is decided by `tikar.accounts.scope`.

These checks only refuse the roles that never write (403 before any lookup). Whether a
particular record may be changed is still the scope's decision (`scoped(..., write=True)`),
so a village user asking for another desa's record gets a 404.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS, BasePermission

from tikar.accounts.models import Role

VILLAGE_ROLES = (Role.KPM, Role.VILLAGE_ADMIN)


class VillageUsersWrite(BasePermission):
    """Reading for every signed-in user; writing only for the KPM and Admin Desa."""

    message = _("Only the KPM and the Admin Desa change the data of a desa; officers read.")

    def has_permission(self, request, view) -> bool:
        return request.method in SAFE_METHODS or request.user.role in VILLAGE_ROLES


class VillageAdminWrites(BasePermission):
    """Formulir 1 is filled in by the village government, not by the KPM."""

    message = _("Only the Admin Desa fills in Formulir 1.")

    def has_permission(self, request, view) -> bool:
        return request.method in SAFE_METHODS or request.user.role == Role.VILLAGE_ADMIN
