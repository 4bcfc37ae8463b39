from django.urls import path

from tikar.meetings import views_budget

urlpatterns = [
    path("rembuk/<year:year>/anggaran/", views_budget.proposal_budget, name="proposal_budget"),
    path(
        "rembuk/<year:year>/usulan/<int:pk>/anggaran/",
        views_budget.proposal_stage,
        name="proposal_stage",
    ),
    path("kebijakan-dana-desa/", views_budget.dana_desa_policy, name="dana_desa_policy"),
]
