"""Error pages that tell the user, in Bahasa Indonesia, what to do next.

400.html and 500.html are plain templates rendered by Django's own handlers with NO context
(no request, no user): they extend `error_base.html`, which needs nothing but the translation
machinery. The CSRF failure page is a view (settings.CSRF_FAILURE_VIEW).
"""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponseForbidden
from django.template import loader

log = logging.getLogger("tikar.security")


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponseForbidden:
    """403 with an Indonesian page saying to reload and submit again.

    Django calls this when a POST fails the CSRF check; for our users that is nearly always a
    form left open on a phone until its session or token expired, so the remedy is to reload.
    `reason` is Django's English explanation: logged for the administrator, not shown.
    """
    log.warning("CSRF check failed on %s: %s", request.path, reason)
    template = loader.get_template("403_csrf.html")
    return HttpResponseForbidden(template.render({}, request))
