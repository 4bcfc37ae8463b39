"""Pages of the sync app: the review of conflicts (konflik)."""

from django.urls import path

from tikar.sync import views

urlpatterns = [
    path("konflik/", views.conflict_list, name="conflict_list"),
    path("konflik/<int:pk>/", views.conflict_detail, name="conflict_detail"),
]
