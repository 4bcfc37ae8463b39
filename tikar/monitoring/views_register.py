"""Register pages that show or touch a target's monthly records: deleting a target.

Above the register (tikar.households) because the confirmation counts the monthly records that
leave the lists with the target; the register's own screens stay in tikar.households.views and
views_edit. URL names unchanged ("target_delete"); templates unchanged.
"""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tikar.calendar import month_name
from tikar.households.models import Child, DeleteRefused, Household, Pregnancy, Target
from tikar.households.views import find_target, household_of, target_label
from tikar.households.views_edit import find_deleted, may_change, undo_message
from tikar.monitoring.models import ChildVisit, PaudRecord, PregnancyVisit


def delete_confirm_context(t: Target) -> dict:
    """What goes with a target when it is deleted, for the confirmation page.

    Its monthly records stay stored with it (restoring brings them back), but they leave the
    monthly lists, the exports and the scorecard of every quarter that is not validated.
    """
    if isinstance(t, Pregnancy):
        record_sets = [PregnancyVisit.objects.alive().filter(pregnancy=t)]
    elif isinstance(t, Child):
        record_sets = [
            ChildVisit.objects.alive().filter(child=t),
            PaudRecord.objects.alive().filter(child=t),
        ]
    else:
        record_sets = []
    months = sorted({m for qs in record_sets for m in qs.values_list("month", flat=True)})
    people = []
    if isinstance(t, Household):
        people = [m.name for m in t.mothers.alive()] + [c.name for c in t.children.alive()]
    return {
        "t": t,
        "kind": t.KIND,
        "name": target_label(t),
        "household": household_of(t),
        "records": len(months),
        "first_month": month_name(months[0]) if months else "",
        "last_month": month_name(months[-1]) if months else "",
        "people": people,
        "newborns": list(t.children.alive()) if isinstance(t, Pregnancy) else [],
    }


@login_required
def target_delete(request: HttpRequest, pk: UUID) -> HttpResponse:
    """GET: what will be deleted, to confirm; POST: delete, with an undo in the message."""
    try:
        t = find_target(request.user, pk, write=True)
    except Http404:
        if request.method != "POST":
            raise
        # A second tap on "Ya, hapus" (or a replayed POST) finds it already deleted: answer as
        # the first did instead of a 404.
        t = find_deleted(request.user, pk)
        messages.success(request, undo_message(request, t))
        return redirect("tasks")
    if request.method == "GET":
        if not may_change(request.user, t):
            messages.error(request, _("Verified entries can only be deleted by the Admin Desa."))
            return redirect("target", pk=t.pk)
        return render(request, "households/delete_confirm.html", delete_confirm_context(t))
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "POST"])
    if isinstance(t, Household) and (t.mothers.alive().exists() or t.children.alive().exists()):
        messages.error(
            request,
            _("This household still has people in the register. Delete them first."),
        )
        return redirect("target", pk=t.pk)
    try:
        t.soft_delete(request.user)
    except DeleteRefused as exc:
        messages.error(request, exc.messages[0])
        return redirect("target", pk=t.pk)
    messages.success(request, undo_message(request, t))
    return redirect("tasks")
