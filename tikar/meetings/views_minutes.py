"""Placeholder: replaced by its owner."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


@login_required
def minutes_print(request, **kwargs):
    return HttpResponse("minutes_print")


@login_required
def minutes_pdf(request, **kwargs):
    return HttpResponse("minutes_pdf")


@login_required
def proposals_xlsx(request, **kwargs):
    return HttpResponse("proposals_xlsx")
