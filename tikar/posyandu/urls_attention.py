from django.urls import path

from tikar.posyandu import views_attention

urlpatterns = [
    path("perhatian/", views_attention.attention_list, name="attention_list"),
    path("perhatian/cetak/", views_attention.attention_print, name="attention_print"),
]
