from csp.middleware import CSPMiddleware
from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers

from tikar.cache_control import is_public_reference_data


class LanguageMiddleware:
    """Bahasa Indonesia unless the user chose English with the switch in the footer.

    Django's LocaleMiddleware would follow the browser's Accept-Language, but many phones in
    the villages run an English system language while their users read Indonesian best; so only
    an explicit choice (the language cookie set by /i18n/setlang/) changes the language.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie"])
        return response


class PrivateCacheMiddleware:
    """`Cache-Control: no-store, private` on every response to a logged-in user.

    Every page, export, chart and API answer a logged-in user gets may name children and
    mothers; a shared phone's browser cache or a proxy must not keep them. Static files never
    get here (WhiteNoise answers them earlier, with their long cache), and anonymous responses
    (the login page, /healthz) keep Django's defaults. Cache directives a view set already (e.g.
    `never_cache`) are kept; `no-store` and `private` are added to them.

    The one exception is a response marked with `tikar.cache_control.public_reference_data`:
    reference data that names nobody (the WHO tables, the validation rules), which a phone and
    the service worker should cache.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if is_public_reference_data(response):
            return response
        if user is not None and user.is_authenticated:
            patch_cache_control(response, no_store=True, private=True)
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware (the policy is settings.CONTENT_SECURITY_POLICY), with one
    exception for development: with DEBUG on, Django's own technical 404 and 500 pages carry
    inline styles and scripts, so they get no policy. With DEBUG off every response has it.
    """

    def process_response(self, request, response):
        if settings.DEBUG and response.status_code in (404, 500):
            return response
        return super().process_response(request, response)
