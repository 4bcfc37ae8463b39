from django.urls import path

from tikar.meetings import views_minutes

urlpatterns = [
    path("rembuk/<year:year>/berita-acara/", views_minutes.minutes_print, name="minutes_print"),
    path("rembuk/<year:year>/berita-acara.pdf", views_minutes.minutes_pdf, name="minutes_pdf"),
    path("rembuk/<year:year>/usulan.xlsx", views_minutes.proposals_xlsx, name="proposals_xlsx"),
]
