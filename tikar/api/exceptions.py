"""The API's exception handler: input the database refuses is a 400, never a 500.

DRF's own handler knows its exceptions and Django's Http404/PermissionDenied. Two more kinds
reach it from the model layer and the database, and both are about the request's input
(a third, a body over DATA_UPLOAD_MAX_MEMORY_SIZE, is a JSON 413 instead of Django's HTML 400):

- `django.core.exceptions.ValidationError` raised by a model's rules outside a serializer
  (clean() runs in a few write paths after the serializer): a 400 with the messages, per
  field when the error has fields;
- `django.db.DataError`: a value the database cannot hold (a number out of its range, a text
  longer than its column, a NUL character on PostgreSQL). The rules should have refused it
  first; if one slips through, the user gets a 400 that says to correct the values instead of
  a 500. It is logged, because it means a rule is missing.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.http import Http404
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

logger = logging.getLogger(__name__)


def handle_exception(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's EXCEPTION_HANDLER: the default, plus the two kinds above (see the docstring)."""
    if isinstance(exc, DjangoValidationError):
        set_rollback()
        if hasattr(exc, "error_dict"):
            body: Any = exc.message_dict
        else:
            body = {"non_field_errors": exc.messages}
        return Response(body, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, DataError):
        set_rollback()
        logger.warning("database refused API input: %s", exc)
        return Response(
            {
                "detail": _(
                    "A value is too large or contains characters that cannot be stored. "
                    "Check the values you sent and send them again."
                )
            },
            status=status.HTTP_400_BAD_REQUEST,
        )
    if isinstance(exc, RequestDataTooBig):
        # Django's own answer is its HTML 400 page, which a phone cannot read.
        return Response(
            {
                "detail": _(
                    "The request is too large (more than %(size)s). Send fewer records at once."
                )
                % {"size": filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)}
            },
            status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
        )
    if isinstance(exc, Http404):
        # get_object_or_404's text names the model in English ("No Child matches the given
        # query."): the user gets DRF's translated "not found" instead, as for any other 404.
        exc = exceptions.NotFound()
    elif isinstance(exc, exceptions.PermissionDenied) and str(exc.detail).startswith("CSRF Failed"):
        # SessionAuthentication's CSRF refusal is an untranslated English sentence.
        exc = exceptions.PermissionDenied(
            _(
                "The security token (CSRF) is missing or out of date: reload the page and "
                "send again."
            )
        )
    return drf_exception_handler(exc, context)
