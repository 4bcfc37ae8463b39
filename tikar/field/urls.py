"""The offline field app under /lapangan/ (see docs/offline.md)."""

from django.urls import path

from . import checks, tables, views

urlpatterns = [
    path("lapangan/", views.shell, name="field_app"),
    path("lapangan/sw.js", views.service_worker, name="field_sw"),
    path("lapangan/manifest.webmanifest", views.manifest, name="field_manifest"),
    path("lapangan/data/who2006.json", tables.who_tables, name="field_who_tables"),
    path("lapangan/data/rules.json", checks.rules_json, name="field_rules"),
]
