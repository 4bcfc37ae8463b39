"""Placeholder until built."""

from django.http import Http404


def rules_json(request):
    raise Http404
