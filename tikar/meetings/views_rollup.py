"""Placeholder: replaced by its owner."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


@login_required
def meeting_rollup(request, **kwargs):
    return HttpResponse("meeting_rollup")
