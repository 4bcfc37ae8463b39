"""Tikar settings, read from environment variables with safe defaults.

Every value a deployment may want to change is an environment variable; the README's
configuration reference lists them. Defaults are safe for production (DEBUG off, secure
cookies) except where a local run needs otherwise, which the Makefile sets explicitly.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("TIKAR_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [v.strip() for v in os.environ.get(name, default).split(",") if v.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
# Commands that serve no web request sign nothing a browser ever sees, so they run without a
# SECRET_KEY (a random one for this process): a puskesmas nutritionist can run the batch
# z-scores or print a scorecard without configuring the web server (issue 8 §7).
NO_SECRET_COMMANDS = {"zscore", "scorecard"}
if (
    not SECRET_KEY
    and Path(sys.argv[0]).name in {"manage.py", "django-admin", "__main__.py"}
    and sys.argv[1:2] != []
    and sys.argv[1] in NO_SECRET_COMMANDS
):
    SECRET_KEY = secrets.token_urlsafe(50)
if not SECRET_KEY:
    if not DEBUG and not env_bool("TIKAR_TESTING", False):
        raise ImproperlyConfigured("Set SECRET_KEY (a long random string) when DEBUG is off.")
    # Only for local development and tests: never used when DEBUG is off in production.
    SECRET_KEY = "dev-only-insecure-key-tikar-0000000000000000000000000000"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "django_filters",
    "simple_history",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "tikar.regions",
    "tikar.jobs",
    "tikar.accounts",
    "tikar.front",
    "tikar.growth",
    "tikar.scorecard",
    "tikar.households",
    "tikar.monitoring",
    "tikar.api",
    "tikar.workbooks",
    "tikar.sync",
    "tikar.field",
    "tikar.posyandu",
    "tikar.activities",
    "tikar.meetings",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "tikar.front.middleware.LanguageMiddleware",
    # A NUL character in the path, query or form is a 400 (PostgreSQL cannot store it).
    "tikar.front.input_guard.RefuseNulMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Content-Security-Policy on every response (settings below; django-csp).
    "tikar.front.middleware.ContentSecurityPolicyMiddleware",
    # `Cache-Control: no-store, private` on every response to a logged-in user: the pages,
    # exports and charts carry personal data that no browser or proxy cache may keep.
    "tikar.front.middleware.PrivateCacheMiddleware",
    # Records request.user as the author of every audited change.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tikar.urls"
WSGI_APPLICATION = "tikar.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "tikar" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# SQLite under var/ by default (WAL, so the server can read while a write is going on);
# PostgreSQL when DATABASE_URL is set.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
# Every SQLite database, the default one or one named by a sqlite:/// URL, gets the same
# settings: WAL, and IMMEDIATE transactions that take the write lock at BEGIN, so two
# concurrent saves queue (busy_timeout) instead of failing with "database is locked" half-way.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
    "transaction_mode": "IMMEDIATE",
}
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
    if DATABASES["default"]["ENGINE"].endswith("postgresql"):
        # The roll-up's queries are cheap but estimated expensive, so PostgreSQL's JIT spent
        # ~0.4 s compiling each of them (bench_scorecard_scale: roll-up 2.2 s → 0.94 s without).
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
    elif DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "tikar.sqlite3",
            "OPTIONS": dict(SQLITE_OPTIONS),
        }
    }
# PostgreSQL streaming replicas for the officers' area pages (tikar/db_router.py,
# docs/scaling.md): DATABASE_REPLICA_URL is one URL or a comma list; each becomes an alias
# "replica", "replica_2", …. Unset: no replica alias, every query uses "default" as before.
DATABASE_REPLICA_URLS = env_list("DATABASE_REPLICA_URL", "")
for _n, _url in enumerate(DATABASE_REPLICA_URLS, start=1):
    _replica = dj_database_url.parse(_url, conn_max_age=60)
    _replica["OPTIONS"] = dict(DATABASES["default"].get("OPTIONS", {}))
    # A test run creates no database for a replica: it reads the default test database.
    _replica["TEST"] = {"MIRROR": "default"}
    DATABASES["replica" if _n == 1 else f"replica_{_n}"] = _replica
if DATABASE_REPLICA_URLS:
    DATABASE_ROUTERS = ["tikar.db_router.ReplicaRouter"]
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
        "tikar.db_router.ReplicaReadMiddleware",
    )
# Seconds a user who just wrote (any POST) reads the primary, so the replica's lag never hides
# their own change (the `tikar_primary` cookie).
TIKAR_REPLICA_STICKY_SECONDS = int(os.environ.get("TIKAR_REPLICA_STICKY_SECONDS", "10"))
# The pages whose GET may read a replica: officers' area pages and exports, and the scorecard.
TIKAR_REPLICA_URL_NAMES = frozenset(
    env_list(
        "TIKAR_REPLICA_URL_NAMES",
        "rollup,rollup_current,lokus,lokus_current,region,reports,scorecard,recap",
    )
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts -------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out username/IP before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# A refused CSRF check (mostly a form left open past its session) gets an Indonesian page that
# says to reload, instead of Django's English one.
CSRF_FAILURE_VIEW = "tikar.front.errors.csrf_failure"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login throttling (django-axes): after AXES_FAILURE_LIMIT failures for one username from one
# address, that pair is refused for AXES_COOLOFF_MINUTES. Every failure is stored and logged.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_MINUTES", "15")) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "tikar.accounts.views.locked_out"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = True
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0")) or None

SESSION_COOKIE_AGE = int(os.environ.get("SESSION_DAYS", "30")) * 24 * 3600

# --- JSON API (for the offline app and for integration) -------------------------------------
REST_FRAMEWORK = {
    # The offline app runs on the same origin as the pages, so the session cookie (with CSRF)
    # authenticates it; deny by default, the views scope every query with tikar.accounts.scope.
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.CursorPagination",
    "PAGE_SIZE": 200,
    # Bodies must be one JSON object with finite numbers and no NUL (tikar.api.parsers); input
    # the database refuses is a 400, not a 500 (tikar.api.exceptions).
    "DEFAULT_PARSER_CLASSES": [
        "tikar.api.parsers.StrictJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "EXCEPTION_HANDLER": "tikar.api.exceptions.handle_exception",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Tikar API",
    "DESCRIPTION": "Register, monthly monitoring and scorecards of Tikar, scoped to the user's region.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # The description names every field of the register: only logged-in users may read it.
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
}

# --- Languages ------------------------------------------------------------------------------
# Source strings are English; Bahasa Indonesia is the default language users see.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Jakarta")
USE_TZ = True

# --- Static files ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "tikar" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or env_bool("TIKAR_TESTING", False)
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- Security (production values unless DEBUG) ----------------------------------------------
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None
)
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# Content-Security-Policy (django-csp): only this site's own scripts, styles and images, so
# an injected <script> or inline handler cannot run. htmx is vendored; its indicator styles are
# switched off by the htmx-config meta tag in base.html, since an inline <style> would be refused.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        # The offline field app (/lapangan/): its service worker, manifest and API calls are
        # all same-origin; named explicitly so a later default-src change cannot break them.
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "connect-src": ["'self'"],
    }
}

# --- Logging --------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {
        # Failed and throttled logins are security events: always log them.
        "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # Every unhandled exception (a 500) with its traceback, to stderr, also when DEBUG is
        # off: Django's default sends these only to ADMINS by e-mail, which is not configured.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "tikar": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
        # The worker's job lines ("Task id=… path=… state=SUCCESSFUL"), with a time stamp.
        "django_tasks": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django_tasks_db": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

# Weights of the lokus (priority village) ranking criteria, as JSON overriding the defaults in
# tikar/scorecard/lokus.py, e.g. {"reporting_gap": 0}. Officials decide these, not the code.
TIKAR_LOKUS_WEIGHTS = json.loads(os.environ.get("TIKAR_LOKUS_WEIGHTS", "") or "{}")

# A monthly record save asks the worker (tikar.scorecard.tasks) to recompute the desa quarters
# it marked dirty, once its transaction commits. Off: the marks wait for the next page view or
# `manage.py refresh_scorecards` (the test settings turn it off so bulk saves stay fast).
TIKAR_REFRESH_ON_SAVE = env_bool("TIKAR_REFRESH_ON_SAVE", True)

# Demo mode shows the demo logins on the login page; never enable it in production.
TIKAR_DEMO = env_bool("TIKAR_DEMO", False)

# --- Background worker ---------------------------------------------------------------------
# Django's task API with the database backend (django-tasks-db): queued jobs are rows in this
# project's own database, so `make run` needs no broker and a restart loses nothing. The
# worker is `manage.py db_worker`; `make run` starts it beside the web server.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# Files the worker prepares (large exports) live here for TIKAR_EXPORT_KEEP_DAYS days; an
# export or an import larger than TIKAR_EXPORT_JOB_ROWS / TIKAR_IMPORT_JOB_ROWS rows runs as a
# job with a progress page, smaller ones stay immediate (tikar.jobs, docs/deploy.md).
TIKAR_EXPORT_DIR = Path(os.environ.get("TIKAR_EXPORT_DIR", VAR_DIR / "exports"))
TIKAR_EXPORT_KEEP_DAYS = int(os.environ.get("TIKAR_EXPORT_KEEP_DAYS", "7"))
TIKAR_EXPORT_JOB_ROWS = int(os.environ.get("TIKAR_EXPORT_JOB_ROWS", "2000"))
TIKAR_IMPORT_JOB_ROWS = int(os.environ.get("TIKAR_IMPORT_JOB_ROWS", "2000"))
# A worker beats every TIKAR_WORKER_BEAT_SECONDS; one on another machine silent for
# TIKAR_WORKER_STALE_SECONDS is dead and its running job is queued again (tikar.jobs.recovery).
TIKAR_WORKER_BEAT_SECONDS = float(os.environ.get("TIKAR_WORKER_BEAT_SECONDS", "10"))
TIKAR_WORKER_STALE_SECONDS = int(os.environ.get("TIKAR_WORKER_STALE_SECONDS", "120"))
TIKAR_JOB_MAX_MINUTES = int(os.environ.get("TIKAR_JOB_MAX_MINUTES", "60"))
