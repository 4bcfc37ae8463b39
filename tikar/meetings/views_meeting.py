"""Placeholder: replaced by its owner."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


@login_required
def meeting_current(request, **kwargs):
    return HttpResponse("meeting_current")


@login_required
def meeting(request, **kwargs):
    return HttpResponse("meeting")


@login_required
def meeting_snapshot(request, **kwargs):
    return HttpResponse("meeting_snapshot")


@login_required
def participant_add(request, **kwargs):
    return HttpResponse("participant_add")


@login_required
def participant_delete(request, **kwargs):
    return HttpResponse("participant_delete")


@login_required
def proposal_new(request, **kwargs):
    return HttpResponse("proposal_new")


@login_required
def proposal_edit(request, **kwargs):
    return HttpResponse("proposal_edit")


@login_required
def proposal_delete(request, **kwargs):
    return HttpResponse("proposal_delete")


@login_required
def activity_codes(request, **kwargs):
    return HttpResponse("activity_codes")
