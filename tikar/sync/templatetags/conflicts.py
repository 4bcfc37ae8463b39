"""`{% open_conflict_count as n %}`: the home page's "Konflik data (N)" line.

A tag rather than a value from the home view, so the page that owns the home
(tikar/front/views.py) needs no change for it.
"""

from __future__ import annotations

from django import template

from tikar.accounts.models import Role

register = template.Library()


@register.simple_tag(takes_context=True)
def open_conflict_count(context) -> int:
    """Open conflicts of the user's own desa (KPM and Admin Desa), else 0."""
    from tikar.sync.views import open_conflicts

    user = context["request"].user
    if not user.is_authenticated or user.role not in (Role.KPM, Role.VILLAGE_ADMIN):
        return 0
    if not user.region_id:
        return 0
    return open_conflicts(user, user.region_id).count()
