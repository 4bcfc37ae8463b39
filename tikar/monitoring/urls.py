from django.urls import path

from tikar.monitoring import views, views_growth_standard, views_register

urlpatterns = [
    path("tugas/", views.tasks, name="tasks"),
    path("sasaran/<uuid:pk>/", views.target, name="target"),
    path("sasaran/<uuid:pk>/hapus/", views_register.target_delete, name="target_delete"),
    path(
        "sasaran/<uuid:pk>/bulan/<year:year>-<month:month>/",
        views.record_month,
        name="record_month",
    ),
    path("sasaran/<uuid:pk>/zskor/", views.zscore_preview, name="zscore_preview"),
    path("sasaran/<uuid:pk>/kek/", views.kek_preview, name="kek_preview"),
    path("sasaran/<uuid:pk>/grafik/<str:indicator>.svg", views.growth_chart, name="growth_chart"),
    path("aktivitas/", views.kpm_activity, name="kpm_activity"),
    path("formulir-1/<year:year>/", views.formulir1, name="formulir1"),
    # A kabupaten's KBM table and growth mat cut-offs; a change re-judges the stored weighings.
    path(
        "standar-pertumbuhan/",
        views_growth_standard.growth_standard,
        name="growth_standard",
    ),
]

# Printable Formulir 2a/2b/2c, filled for a month or blank (views_print.py).
from tikar.monitoring import urls_print  # noqa: E402

urlpatterns += urls_print.urlpatterns
