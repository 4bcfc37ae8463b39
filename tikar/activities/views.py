"""Placeholder: replaced by its owner."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


@login_required
def activity_log(request, **kwargs):
    return HttpResponse("activity_log")


@login_required
def activity_new(request, **kwargs):
    return HttpResponse("activity_new")


@login_required
def activity_edit(request, **kwargs):
    return HttpResponse("activity_edit")


@login_required
def kpm_coaching(request, **kwargs):
    return HttpResponse("kpm_coaching")


@login_required
def training_list(request, **kwargs):
    return HttpResponse("training_list")


@login_required
def training_detail(request, **kwargs):
    return HttpResponse("training_detail")
