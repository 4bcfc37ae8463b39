"""A form submitted twice creates once: the pages' answer to the API's client-made UUIDs.

A double tap on "Daftarkan", a retry after a lost answer or the browser's "resend" posts the
same form again (issue 8: eight concurrent posts of the register form stored eight households).
Each rendering of a creating form carries a hidden token (a random UUID, `FIELD`); the rows the
submission creates take ids derived from it (`derived_id`, uuid5), so a second submission of
the same rendering looks up the first one's rows and answers with them, and two that race
collide on the primary key: the loser's transaction rolls back (IntegrityError) and it then
finds the winner's rows. The derivation includes the user, so one user's token can never name
another's rows.

`retry_when_locked` covers SQLite, which answers "database is locked" instead of waiting when
its busy timeout runs out (and at once in the shared-cache in-memory test database): the view
runs again, and with the token a re-run is harmless.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps
from uuid import NAMESPACE_URL, UUID, uuid4, uuid5

from django.db import OperationalError, connection
from django.http import HttpRequest, HttpResponse

FIELD = "once"  # the hidden input's name
_NAMESPACE = uuid5(NAMESPACE_URL, "https://tikar.id/form-submission")
LOCKED_RETRY_SECONDS = 30  # how long a locked SQLite write is retried before the error shows


def new_token() -> str:
    return str(uuid4())


def token_of(data, fallback: bool = True) -> str | None:
    """The submission's token from POST data; a new one when missing or malformed.

    A missing token (a page rendered before this change, a hand-made request) still gets one,
    so the rest of the code has a single path; it is simply not shared with a retry.
    """
    raw = (data.get(FIELD) or "").strip() if data is not None else ""
    try:
        return str(UUID(raw))
    except ValueError:
        return new_token() if fallback else None


def derived_id(user, token: str, role: str) -> UUID:
    """The id of the row playing `role` ("household", "child"...) in this user's submission."""
    return uuid5(_NAMESPACE, f"{user.pk}:{token}:{role}")


def retry_when_locked(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Run a POST view again when SQLite answers "locked"; other databases wait instead."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method != "POST" or connection.vendor != "sqlite":
            return view(request, *args, **kwargs)
        deadline = time.monotonic() + LOCKED_RETRY_SECONDS
        pause = 0.02
        while True:
            try:
                return view(request, *args, **kwargs)
            except OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(pause)
                pause = min(pause * 2, 0.5)

    return wrapped
