"""The API's JSON parser: one object per request body, finite numbers, no NUL characters.

DRF's JSONParser accepts any JSON value and Python's `json` reads NaN, Infinity and 1e309
(a float overflowing to inf). A body that is a list, a string or null then reached code that
calls `.get` on it, and a NaN or an infinity reached arithmetic and the database: 500s. A NUL
inside a string ("\\u0000") cannot be stored by PostgreSQL. All of these are refused here with
a 400 that says what to fix (`ParseError`, rendered by DRF in the user's language).
"""

from __future__ import annotations

import codecs
import json
import math
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

_NUL = "\x00"


class _Refused(ValueError):
    pass


def _no_constant(name: str) -> Any:
    raise _Refused(_("%(value)s is not a number: send a number or null.") % {"value": name})


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(_("%(value)s is too large: send a number of usual size.") % {"value": text})
    return value


def _check_strings(value: Any) -> None:
    if isinstance(value, str):
        if _NUL in value:
            raise _Refused(
                _(
                    "A text contains a NUL character (\\u0000), which cannot be stored. "
                    "Remove it and send again."
                )
            )
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_strings(key)
            _check_strings(item)
    elif isinstance(value, list):
        for item in value:
            _check_strings(item)


class StrictJSONParser(JSONParser):
    """JSONParser that refuses non-object bodies, NaN/Infinity, overflowing numbers and NUL."""

    def parse(self, stream, media_type=None, parser_context=None) -> dict[str, Any]:
        parser_context = parser_context or {}
        encoding = parser_context.get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = codecs.getreader(encoding)(stream).read()
            data = json.loads(text, parse_constant=_no_constant, parse_float=_finite_float)
        except _Refused as exc:
            raise ParseError(str(exc)) from exc
        except json.JSONDecodeError as exc:
            # Python's own text ("Expecting value: line 1 column 6") is English: say where.
            raise ParseError(
                _(
                    "The request body is not valid JSON (line %(line)s, column %(column)s): "
                    "check the brackets, commas and quotes."
                )
                % {"line": exc.lineno, "column": exc.colno}
            ) from exc
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            raise ParseError(
                _("The request body is not valid JSON: send UTF-8 text in JSON format.")
            ) from exc
        if not isinstance(data, dict):
            raise ParseError(
                _("The request body must be a JSON object ({...}) with the record's fields.")
            )
        try:
            _check_strings(data)
        except _Refused as exc:
            raise ParseError(str(exc)) from exc
        return data
