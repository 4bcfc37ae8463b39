from django.urls import path

from tikar.meetings import views_budget, views_dana_desa

urlpatterns = [
    path("rembuk/<year:year>/anggaran/", views_budget.proposal_budget, name="proposal_budget"),
    path(
        "rembuk/<year:year>/usulan/<int:pk>/anggaran/",
        views_budget.proposal_stage,
        name="proposal_stage",
    ),
    path("kebijakan-dana-desa/", views_budget.dana_desa_policy, name="dana_desa_policy"),
    # Formulir 4 table 5 with its prefill (formerly in tikar.scorecard.urls; same name).
    path("dana-desa/<year:year>/", views_dana_desa.dana_desa, name="dana_desa"),
]
