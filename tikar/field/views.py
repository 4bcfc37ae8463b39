"""The offline field app's own pages: the shell, its service worker and its web app manifest.

The shell (`/lapangan/`) is one HTML page; everything else happens in the browser (ES modules
under `static/field/`, IndexedDB through Dexie). The service worker (`/lapangan/sw.js`) is
rendered here, not served as a static file, because it must carry the app version and the list
of files to precache as `{% static %}` resolves them: plain names in development, hashed names
with the manifest storage in production. See docs/offline.md, "The field app".
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .messages import all_messages

FIELD_STATIC = Path(__file__).resolve().parent / "static"
# The site stylesheet the shell uses besides field.css (its colours, buttons, type).
SITE_STATIC = ("css/tikar.css", "css/kpm.css")
# Files under static/field/ that the phone never needs offline: source maps, licences, notes.
NOT_PRECACHED = (".map", ".md", "LICENSE", "NOTICE")
# Theme colours, from tikar/static/css/tikar.css (--green and --bg).
THEME_COLOR = "#1f6f5c"
BACKGROUND_COLOR = "#f6f8f7"
# The Workbox modules sw-core.js uses; workbox-sw loads each on first use through the
# modulePathCb we hand it, so no file is ever fetched from Google's CDN.
WORKBOX_MODULES = ("core", "precaching", "routing", "strategies")


def _field_files() -> list[str]:
    """Paths relative to the static root ("field/db.js") of every precached field file,
    sorted so the version hash is stable."""
    files = []
    for path in sorted(FIELD_STATIC.rglob("*")):
        if not path.is_file() or path.name.startswith("."):
            continue
        if path.name.endswith(NOT_PRECACHED) or path.name.startswith(("LICENSE", "NOTICE")):
            continue
        files.append(path.relative_to(FIELD_STATIC).as_posix())
    return files


def _site_file(rel: str) -> Path:
    return Path(settings.BASE_DIR) / "tikar" / "static" / rel


def _static_url(rel: str) -> str:
    """`static(rel)`, or the plain URL when the manifest storage does not know the file (the
    manifest is only complete after collectstatic)."""
    try:
        return static(rel)
    except ValueError:
        return settings.STATIC_URL + rel


@lru_cache(maxsize=1)
def _precache_cached(salt: str) -> tuple[str, tuple[dict, ...]]:
    return _build_precache(salt)


def _build_precache(salt: str) -> tuple[str, tuple[dict, ...]]:
    """The app version and the precache entries [{url, revision}].

    The version is a hash of every precached file's content (plus TIKAR_APP_VERSION_SALT, which
    a deploy or a test may set to force a new version), so changing any field file makes the
    browser install a new service worker. Each static file is listed under its `static()` URL
    and, when that differs (hashed names in production), also under its plain URL: ES modules
    import each other by relative plain names, which must work offline too.
    """
    digest = hashlib.sha256(salt.encode())
    entries: list[dict] = []
    sources = [(rel, FIELD_STATIC / rel) for rel in _field_files()]
    sources += [(rel, _site_file(rel)) for rel in SITE_STATIC]
    for rel, path in sources:
        content = path.read_bytes()
        revision = hashlib.sha256(content).hexdigest()[:16]
        digest.update(rel.encode() + b"\0" + revision.encode())
        urls = dict.fromkeys([_static_url(rel), settings.STATIC_URL + rel])
        entries.extend({"url": url, "revision": revision} for url in urls)
    return digest.hexdigest()[:12], tuple(entries)


def app_version_and_precache() -> tuple[str, tuple[dict, ...]]:
    """Computed once per process in production; in DEBUG on every call, so an edited file is
    picked up without a restart."""
    salt = os.environ.get("TIKAR_APP_VERSION_SALT", "")
    if settings.DEBUG:
        return _build_precache(salt)
    return _precache_cached(salt)


def _growth_standard(village_code: str) -> dict:
    """The kabupaten's choice of KBM table and growth-mat cut-offs (tikar.growth.standards) and
    its postnatal-check standard. Per user, so in the shell's config and not in the public
    rules.json."""
    from dataclasses import asdict

    from tikar import clock
    from tikar.growth import standards
    from tikar.scorecard.refresh import ruleset_for

    # The postnatal checks the kabupaten's scorecard expects (3 or 4): attention.js's
    # "postnatal_due" reason, as tikar.posyandu.attention_queries reads it.
    pnc = {"pnc_standard": ruleset_for(village_code, clock.today().year).pnc_standard}
    return {
        "kbm_table": standards.kbm_table_for(village_code),
        "mat_cutoffs": asdict(standards.mat_cutoffs_for(village_code)),
        **pnc,
    }


def _client_config(request: HttpRequest, version: str) -> dict:
    user = request.user
    village = user.region
    return {
        "version": version,
        "user": {
            "username": user.username,
            "display_name": user.display_name,
            "role": user.role,
            "village_code": village.code,
            "village_name": village.name,
            **_growth_standard(village.code),
        },
        "urls": {
            "app": reverse("field_app"),
            "sw": reverse("field_sw"),
            "sync": reverse("api_sync"),
            "snapshot": reverse("api_sync_snapshot"),
            "reference": reverse("api_sync_reference"),
            "who_tables": reverse("field_who_tables"),
            "rules": reverse("field_rules"),
            "needs": reverse("api_sync_needs"),
            "login": f"{reverse('login')}?next={reverse('field_app')}",
            "logout": reverse("logout"),
            "home": reverse("home"),
        },
    }


@login_required
@require_GET
def shell(request: HttpRequest) -> HttpResponse:
    """The app page. Only village users (KPM, Admin Desa) have a desa to hold offline; an
    officer gets the 403 page. The page holds no personal data: the records come from
    IndexedDB, so the service worker may keep it for offline starts."""
    if not request.user.is_village_user or request.user.region is None:
        raise PermissionDenied
    get_token(request)  # sets the csrftoken cookie that sync.js sends back as X-CSRFToken
    version, _entries = app_version_and_precache()
    response = render(
        request,
        "field/shell.html",
        {
            "field_messages": all_messages(),
            "field_config": _client_config(request, version),
            "app_version": version,
        },
    )
    # Always revalidated: the service worker decides what is used offline.
    response["Cache-Control"] = "no-cache, private"
    return response


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker script: a small config block, then Workbox's loader and sw-core.js.

    Served to anyone (it holds no data, only file names), with `Cache-Control: no-cache` so the
    browser checks it on every start and a new app version is seen at the next online start.
    """
    version, entries = app_version_and_precache()
    modules = {
        f"workbox-{m}": _static_url(f"field/vendor/workbox/workbox-{m}.prod.js")
        for m in WORKBOX_MODULES
    }
    config = {
        "version": version,
        "precache": list(entries),
        "shell": reverse("field_app"),
        "scope": reverse("field_app"),
        # Fetched at install without failing it: the data views may not answer yet (404), and
        # are then fetched again on first use online.
        "data": [
            reverse("field_manifest"),
            reverse("field_who_tables"),
            reverse("field_rules"),
        ],
        "modules": modules,
        "login": reverse("login"),
    }
    body = (
        f"// Tikar Lapangan service worker, app version {version}.\n"
        f"self.TIKAR_SW = {json.dumps(config, separators=(',', ':'))};\n"
        f"importScripts({json.dumps(_static_url('field/vendor/workbox/workbox-sw.js'))});\n"
        f"importScripts({json.dumps(_static_url('field/sw-core.js'))});\n"
    )
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
def manifest(request: HttpRequest) -> JsonResponse:
    """The web app manifest (W3C Web App Manifest): Indonesian name, maskable icons, the app's
    own scope so the installed app never leaves /lapangan/."""
    app = reverse("field_app")
    icons = [
        {
            "src": _static_url(f"field/icons/tikar-{size}.png"),
            "sizes": f"{size}x{size}",
            "type": "image/png",
            "purpose": purpose,
        }
        for size in (192, 512)
        for purpose in ("any", "maskable")
    ]
    data = {
        "name": "Tikar Lapangan",
        "short_name": "Tikar",
        "description": _(
            "Record targets and monthly services without signal, send them when there is signal."
        ),
        "lang": "id",
        "id": app,
        "start_url": app,
        "scope": app,
        "display": "standalone",
        "orientation": "portrait",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": icons,
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    response["Cache-Control"] = "no-cache"
    return response
