from django.urls import path

from tikar.monitoring import views_print

urlpatterns = [
    path("formulir/<str:form>/cetak/", views_print.print_form, name="print_form"),
]
