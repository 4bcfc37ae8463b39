from django.urls import path

from tikar.workbooks import views

urlpatterns = [
    path("impor/", views.import_page, name="import"),
    path("impor/templat.xlsx", views.import_template, name="import_template"),
    path("impor/petunjuk/", views.import_docs, name="import_docs"),
    path("impor/<uuid:pk>/", views.import_run, name="import_run"),
    path("impor/<uuid:pk>/laporan.csv", views.import_report_csv, name="import_report_csv"),
    path("impor/<uuid:pk>/laporan.xlsx", views.import_report_xlsx, name="import_report_xlsx"),
    path("ekspor/", views.export_pick, name="export_pick"),
    path(
        "ekspor/<str:form>/<year:year>-<month:month>.xlsx",
        views.export_month,
        name="export_month",
    ),
]
