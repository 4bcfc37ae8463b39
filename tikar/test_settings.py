"""Settings for the test suite: production settings with the few changes tests need."""

import os

os.environ.setdefault("TIKAR_TESTING", "1")

from tikar.settings import *  # noqa: E402,F403

# The test client speaks plain HTTP: with the production redirect every request would be a 301.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# Hashing real passwords is slow by design; tests create many users.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGGING["loggers"]["axes"]["level"] = "ERROR"  # noqa: F405
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405 (whitenoise warns when it is missing)
# Jobs run at once in the test process, so a test that saves a record and then opens a page
# sees what the worker would have made; the worker's own tests (tikar/jobs... see their files)
# switch back to the database backend and run `manage.py db_worker` for real.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Saves only mark quarters dirty; the page's request (ImmediateBackend) refreshes them at once,
# so tests that save many records are not slowed by a refresh per save.
TIKAR_REFRESH_ON_SAVE = False
