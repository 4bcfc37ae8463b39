"""Placeholder: replaced by its owner."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


@login_required
def proposal_budget(request, **kwargs):
    return HttpResponse("proposal_budget")


@login_required
def proposal_stage(request, **kwargs):
    return HttpResponse("proposal_stage")


@login_required
def dana_desa_policy(request, **kwargs):
    return HttpResponse("dana_desa_policy")
