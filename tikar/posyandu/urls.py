from tikar.posyandu import urls_attention, urls_needs, urls_quality, urls_skdn

urlpatterns = [
    *urls_attention.urlpatterns,
    *urls_needs.urlpatterns,
    *urls_skdn.urlpatterns,
    *urls_quality.urlpatterns,
]
