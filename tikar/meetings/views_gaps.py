"""Placeholder: replaced by its owner."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


@login_required
def gaps(request, **kwargs):
    return HttpResponse("meeting_gaps")
