from django.urls import path

from tikar.meetings import views_gaps

urlpatterns = [
    path("rembuk/celah/", views_gaps.gaps, name="meeting_gaps"),
]
