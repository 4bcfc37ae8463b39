from django.urls import path

from tikar.growth import views

urlpatterns = [
    path("standar-pertumbuhan/", views.growth_standard, name="growth_standard"),
]
