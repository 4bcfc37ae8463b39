"""Placeholder until built."""

from django.http import Http404


def who_tables(request):
    raise Http404
