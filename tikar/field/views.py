"""Placeholder until built."""

from django.http import Http404


def shell(request):
    raise Http404


def service_worker(request):
    raise Http404


def manifest(request):
    raise Http404
