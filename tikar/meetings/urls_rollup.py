from django.urls import path

from tikar.meetings import views_rollup

urlpatterns = [
    path("rembuk-wilayah/", views_rollup.meeting_rollup, name="meeting_rollup"),
]
