"""The mark of a response that names nobody, so a phone and the service worker may cache it.

`tikar.front.middleware.PrivateCacheMiddleware` answers every logged-in user with
`Cache-Control: no-store, private`, except responses of views decorated here. The decorator sits
in this base module (not in the middleware's app) because the views that use it (the field
app's WHO tables and validation rules) sit below `front` in the layers of pyproject.toml
[tool.importlinter].
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.http import HttpResponse

# The attribute the middleware reads on a response.
PUBLIC_REFERENCE_DATA = "is_public_reference_data"


def public_reference_data(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Mark a view's answers as naming nobody, so `PrivateCacheMiddleware` leaves their cache
    headers alone (the view sets its own, e.g. `Cache-Control: public, max-age=86400`).

    Only for data that is the same for every user: WHO tables, rules. Never for a response that
    could carry a person's data.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        setattr(response, PUBLIC_REFERENCE_DATA, True)
        return response

    return wrapped


def is_public_reference_data(response: HttpResponse) -> bool:
    """Whether `response` came from a view marked with `public_reference_data`."""
    return bool(getattr(response, PUBLIC_REFERENCE_DATA, False))
