"""The real URLs plus one that raises, for the production-server test (not a test module)."""

from django.http import HttpRequest
from django.urls import path

from tikar.urls import urlpatterns as real_urlpatterns


def fault(request: HttpRequest):
    raise RuntimeError("kesalahan-uji-produksi")


urlpatterns = [path("uji-kesalahan/", fault), *real_urlpatterns]
