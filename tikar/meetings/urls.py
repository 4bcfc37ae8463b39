from tikar.meetings import urls_budget, urls_gaps, urls_meeting, urls_minutes, urls_rollup

urlpatterns = [
    *urls_gaps.urlpatterns,
    *urls_meeting.urlpatterns,
    *urls_minutes.urlpatterns,
    *urls_budget.urlpatterns,
    *urls_rollup.urlpatterns,
]
