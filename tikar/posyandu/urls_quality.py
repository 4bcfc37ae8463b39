from django.urls import path

from tikar.posyandu import views_quality

urlpatterns: list = [
    path("mutu-data/", views_quality.quality_report, name="quality_report"),
    path("mutu-data/anak/", views_quality.quality_children, name="quality_children"),
]
