"""Officers' area pages read from PostgreSQL streaming replicas; everything else uses the primary.

Without DATABASE_REPLICA_URL there is no "replica" alias and nothing here changes anything:
the router answers "default" for every question and the middleware only passes requests on.

The rules (docs/scaling.md, "Read replicas"):

- Writes always go to the primary ("default"); migrations run only there.
- A request may read a replica only when `ReplicaReadMiddleware` says so: a GET or HEAD of one
  of the area pages named in settings.TIKAR_REPLICA_URL_NAMES (roll-ups, lokus, region pages,
  reports, the desa scorecard), by a user who did not write in the last
  settings.TIKAR_REPLICA_STICKY_SECONDS. Everything else (the KPM's forms, the sync API, the
  worker, commands) reads the primary, because the contextvar defaults to "primary".
- Inside a transaction that is open on the primary, and after the request's first write,
  reads go to the primary: a read that decides a write must see the primary's rows.
- Sticky: a request with an unsafe method (POST, PUT, PATCH, DELETE) sets the cookie
  `tikar_primary` for TIKAR_REPLICA_STICKY_SECONDS; while it lives, that browser reads the
  primary, so a user sees their own change despite the replica's lag. The cookie only ever
  sends a user to the primary, so forging it gains nothing.
- Sessions, login throttling and the job queue always use the primary: they are small, read
  on every request, and must never be stale (a fresh login must not look logged out).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import connections
from django.http import HttpRequest, HttpResponse

PRIMARY = "default"
STICKY_COOKIE = "tikar_primary"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Apps whose tables are never read from a replica (see the module docstring).
PRIMARY_ONLY_APPS = frozenset({"sessions", "axes", "django_tasks_database", "jobs"})


@dataclass
class ReadState:
    """What the current request may read from: set by the middleware, mutated by the router."""

    replica_allowed: bool = False
    wrote: bool = False
    used: list[str] = field(default_factory=list)


_state: ContextVar[ReadState | None] = ContextVar("tikar_read_state", default=None)


def replica_aliases() -> list[str]:
    """The configured replica aliases ("replica", "replica_2", …); empty without replicas."""
    return [alias for alias in settings.DATABASES if alias.startswith("replica")]


class ReplicaRouter:
    """Django database router (settings.DATABASE_ROUTERS) for the primary/replica split."""

    def db_for_read(self, model: type, **hints: Any) -> str:
        state = _state.get()
        if state is None or not state.replica_allowed or state.wrote:
            return PRIMARY
        if model._meta.app_label in PRIMARY_ONLY_APPS:
            return PRIMARY
        if connections[PRIMARY].in_atomic_block:
            return PRIMARY
        aliases = replica_aliases()
        if not aliases:
            return PRIMARY
        alias = random.choice(aliases)
        state.used.append(alias)
        return alias

    def db_for_write(self, model: type, **hints: Any) -> str:
        state = _state.get()
        if state is not None:
            # From now on this request reads what it wrote (the replica may not have it yet).
            state.wrote = True
        return PRIMARY

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        # Primary and replicas hold the same rows: objects from any of them may be related.
        return True

    def allow_migrate(self, db: str, app_label: str, model_name: str | None = None, **hints: Any):
        # Replicas are read-only copies that receive the schema through replication.
        return db == PRIMARY


def current_state() -> ReadState | None:
    """The current request's read state (None outside a request): tests and logs read it."""
    return _state.get()


class ReplicaReadMiddleware:
    """Decides, per request, whether the router may send reads to a replica (module docstring).

    Placed after AuthenticationMiddleware; does nothing when no replica is configured.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.enabled = bool(replica_aliases())

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self.enabled:
            return self.get_response(request)
        token = _state.set(ReadState())
        try:
            response = self.get_response(request)
        finally:
            _state.reset(token)
        if request.method not in SAFE_METHODS:
            response.set_cookie(
                STICKY_COOKIE,
                "1",
                max_age=settings.TIKAR_REPLICA_STICKY_SECONDS,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> None:
        state = _state.get()
        if state is None:
            return None
        match = request.resolver_match
        state.replica_allowed = (
            request.method in ("GET", "HEAD")
            and STICKY_COOKIE not in request.COOKIES
            and match is not None
            and match.url_name in settings.TIKAR_REPLICA_URL_NAMES
        )
        return None
