from django.urls import path

from tikar.posyandu import views_needs

urlpatterns = [
    path("kebutuhan/", views_needs.needs, name="needs"),
]
