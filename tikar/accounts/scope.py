"""The one place that decides what a user may see or change.

Every query for people's data, and for the regions and users a page lists, goes through
`scoped()`. It denies by default: an inactive user, an unknown role, or a role bound to a
region of the wrong level gets an empty queryset. Views fetch single objects with
`get_scoped_or_404()`, so another village's record is a 404, not a 403 that confirms it exists.
"""

from __future__ import annotations

from django.db.models import Model, Q, QuerySet
from django.http import Http404

from tikar.accounts.models import CREATABLE_ROLES, Role


def region_q(user, region_field: str) -> Q | None:
    """A filter on `region_field` (a path to a Region foreign key or code) for the user's area.

    Returns None for "everything" (national administrator) and raises PermissionError
    when the user may see nothing.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        raise PermissionError
    if not user.has_valid_binding:
        raise PermissionError
    if user.role == Role.NATIONAL_ADMIN:
        return None
    code = user.region_id
    # A path ending in "code" is a code already; otherwise it is a Region foreign key, and
    # since the code is Region's primary key Django filters `<fk>__code` on the local column
    # without a join.
    path = region_field if region_field.endswith("code") else f"{region_field}__code"
    if user.role in (Role.KPM, Role.VILLAGE_ADMIN):
        return Q(**{path: code})
    # An officer sees everything whose region code lies under theirs.
    return Q(**{f"{path}__startswith": code + "."})


def scoped(qs: QuerySet, user, region_field: str = "village", *, write: bool = False) -> QuerySet:
    """Restrict `qs` to what `user` may see (or, with write=True, change).

    Only village users (KPM, Admin Desa) change people's data, and only in their own desa;
    officers read.
    """
    if write and user.role not in (Role.KPM, Role.VILLAGE_ADMIN):
        return qs.none()
    try:
        q = region_q(user, region_field)
    except PermissionError:
        return qs.none()
    return qs if q is None else qs.filter(q)


def scoped_regions(user) -> QuerySet:
    """The regions a user may see: their own region and everything under it."""
    from tikar.regions.models import Region

    qs = Region.objects.all()
    try:
        if user.role == Role.NATIONAL_ADMIN and user.has_valid_binding:
            return qs
        q = region_q(user, "code")
    except PermissionError:
        return qs.none()
    if user.role in (Role.KPM, Role.VILLAGE_ADMIN):
        return qs.filter(q)
    return qs.filter(q | Q(code=user.region_id))


def scoped_users(user) -> QuerySet:
    """The accounts a user may see: those bound inside their area."""
    from tikar.accounts.models import User

    qs = User.objects.select_related("region")
    if user.role == Role.NATIONAL_ADMIN and user.has_valid_binding and user.is_active:
        return qs
    try:
        q = region_q(user, "region")
    except PermissionError:
        return qs.none()
    if user.role == Role.KPM:
        return qs.filter(pk=user.pk)
    if user.role == Role.VILLAGE_ADMIN:
        return qs.filter(q)
    return qs.filter(q | Q(region=user.region_id))


def get_scoped_or_404(qs: QuerySet, user, region_field: str = "village", **lookup) -> Model:
    try:
        return scoped(qs, user, region_field).get(**lookup)
    except qs.model.DoesNotExist as exc:
        raise Http404 from exc


def can_create(user, role: str, region) -> bool:
    """May `user` create an account of `role` bound to `region`?"""
    if not user.is_active or not user.has_valid_binding:
        return False
    if role not in CREATABLE_ROLES.get(user.role, ()):
        return False
    if user.role == Role.NATIONAL_ADMIN:
        return region is not None or role == Role.NATIONAL_ADMIN
    if region is None:
        return False
    return user.region.contains(region.code)


def can_manage(user, other) -> bool:
    """May `user` deactivate or reactivate `other`? The same rule as creating it."""
    if other.pk == user.pk:
        return False
    return can_create(user, other.role, other.region)
