from django.urls import path

from tikar.meetings import views_gaps

urlpatterns = [
    path("rembuk/celah/", views_gaps.gaps_page, name="meeting_gaps"),
    path("rembuk/celah/sasaran/", views_gaps.gap_targets, name="meeting_gap_targets"),
]
