"""`/lapangan/data/who2006.json`: the WHO 2006 tables and constants the phone's engine needs.

The phone scores a measurement offline with `static/field/who2006.js`, which must give exactly
the server's numbers (`tikar.growth.who2006`). So the JSON is built, at request time, from the
one source the server reads (`tikar/growth/data/who2006/*.txt`) and from the Python engine's own
constants and labels; nothing is copied by hand. The bytes are built once per process and kept.

Shape (``format`` 1)::

    {"format": 1, "version": "16 hex digits (sha256 of the rest)",
     "source": "...",
     "constants": {"days_per_month": 30.4375, "max_age_months": 60.0, ...,
                   "flag_limits": {"len": [-6.0, 6.0], ...},
                   "category_codes": {"len": ["severely_stunted", ...], ...},
                   "category_cuts": {"len": [[-3.0, false], ...], ...}},
     "labels": {"category": {"len": {"stunted": "pendek", ...}, ...},
                "status": [["stunting", "Stunting"], ...],
                "unjudged": ["tidak_dapat_dinilai", "Tidak dapat dinilai: ..."],
                "z": [["len", "PB/U · TB/U"], ...],
                "growth": {"len": "PB/U atau TB/U", ...}, "months": ["Januari", ...]},
     "tables": {"len": {"first": 0, "last": 1826, "step": 1.0, "start": 0.0,
                        "scale": [0, 4, 5],
                        "sex": {"1": [[L deltas], [M deltas], [S deltas]], "2": [...]}},
                ...}}

A table's rows run from ``first`` to ``last`` in steps of ``step`` (days, or 0.1 cm for ``wfl``
and ``wfh``) with no gap. Each of L, M, S is written as integers scaled by ``10**scale`` and
delta-coded (the first value, then the difference to the previous row): the columns are smooth,
so this is 165 KB instead of 455 KB raw and 15 KB instead of 103 KB gzipped. Decoding is
exact: ``n / 10**scale`` is one correctly rounded IEEE division of two exact integers, which is
the same double as parsing the decimal text of the file (what numpy's loader gives the server).
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
from decimal import Decimal
from functools import cache
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe

from tikar.cache_control import public_reference_data
from tikar.calendar import MONTHS_ID
from tikar.growth import who2006
from tikar.monitoring import rules

FORMAT = 1
# One day: the tables never change, the format only with an app update, and the service worker
# stores its own copy per app version anyway. The ETag makes a revalidation cost 304 bytes.
MAX_AGE_SECONDS = 24 * 60 * 60

_TABLE_NAMES = ("len", "wei", "bmi", "hc", "ac", "wfl", "wfh")


def _decimals(text: str) -> int:
    exponent = Decimal(text).as_tuple().exponent
    assert isinstance(exponent, int)
    return max(0, -exponent)


def _table(name: str) -> dict[str, Any]:
    """One WHO table, rows contiguous per sex, L/M/S as scaled delta-coded integers.

    Raises ValueError if the file has a gap or the two sexes differ in range: the engine on
    the phone indexes rows by position and would silently read the wrong row otherwise.
    """
    filename, step = who2006._TABLE_FILES[name]
    with open(who2006.DATA_DIR / filename, newline="") as handle:
        reader = csv.reader(handle, delimiter="\t")
        next(reader)
        rows = [r for r in reader if r]
    scale = [max(_decimals(r[col]) for r in rows) for col in (2, 3, 4)]
    index = [Decimal(r[1]) for r in rows]
    first, last = min(index), max(index)
    per_sex: dict[str, list[list[int]]] = {}
    for sex in ("1", "2"):
        mine = sorted((Decimal(r[1]), r) for r in rows if r[0] == sex)
        expected = [first + i * Decimal(str(step)) for i in range(len(mine))]
        if [k for k, _ in mine] != expected or mine[-1][0] != last:
            raise ValueError(f"{filename}: rows of sex {sex} are not contiguous")
        columns = []
        for col, digits in zip((2, 3, 4), scale, strict=True):
            ints = [int(Decimal(r[col]).scaleb(digits)) for _, r in mine]
            columns.append([ints[0]] + [b - a for a, b in zip(ints, ints[1:], strict=False)])
        per_sex[sex] = columns
    table = who2006.load_table(name)
    return {
        "first": float(first) if step != 1.0 else int(first),
        "last": float(last) if step != 1.0 else int(last),
        "step": step,
        # The engine's origin for the row position: 0 for the day tables, the first length
        # for the 0.1 cm tables (who2006.load_table).
        "start": table.start,
        "scale": scale,
        "sex": per_sex,
    }


def build_data() -> dict[str, Any]:
    """The JSON document (without ``version``); see the module docstring for its shape."""
    from tikar.monitoring.views import Z_LABELS  # the entry page's row labels

    constants = {
        "days_per_month": who2006.DAYS_PER_MONTH,
        "max_age_months": who2006.MAX_AGE_MONTHS,
        "height_from_days": who2006.HEIGHT_FROM_DAYS,
        "standing_min_months": who2006.STANDING_MIN_MONTHS,
        "lying_standing_diff_cm": who2006.LYING_STANDING_DIFF_CM,
        "wfl_by_length_below_cm": who2006.WFL_BY_LENGTH_BELOW_CM,
        "length_decimals": who2006.LENGTH_DECIMALS,
        "indicators": list(who2006.INDICATORS),
        "flag_limits": {k: list(v) for k, v in who2006.FLAG_LIMITS.items()},
        "category_codes": {k: list(v) for k, v in who2006.CATEGORY_CODES.items()},
        "category_cuts": {
            k: [[cut, closed] for cut, closed in v] for k, v in who2006._CATEGORY_CUTS.items()
        },
    }
    labels = {
        "category": who2006.CATEGORY_LABELS,
        "status": [list(pair) for pair in rules._STATUS_WORDS],
        "unjudged": [rules.UNJUDGED, rules.UNJUDGED_TEXT],
        "z": [list(pair) for pair in Z_LABELS],
        # rules.growth_warnings: the indicator names and the month names of its messages.
        "growth": dict(rules._LABELS),
        "months": list(MONTHS_ID),
    }
    return {
        "format": FORMAT,
        "source": "WHO Child Growth Standards 2006 (anthro/igrowup tables), "
        "tikar/growth/data/who2006",
        "constants": constants,
        "labels": labels,
        "tables": {name: _table(name) for name in _TABLE_NAMES},
    }


@cache
def built() -> tuple[bytes, bytes, str]:
    """(raw JSON, gzipped JSON, version): built on first request, kept for the process."""
    data = build_data()
    body = json.dumps(data, separators=(",", ":"), ensure_ascii=False, sort_keys=True)
    version = hashlib.sha256(body.encode()).hexdigest()[:16]
    raw = json.dumps(
        {"version": version, **data}, separators=(",", ":"), ensure_ascii=False, sort_keys=True
    ).encode()
    # mtime=0: the same bytes on every process, so every server answers the same ETag.
    return raw, gzip.compress(raw, compresslevel=9, mtime=0), version


def _accepts_gzip(request: HttpRequest) -> bool:
    accepted = request.headers.get("Accept-Encoding", "")
    return any(part.split(";")[0].strip() == "gzip" for part in accepted.split(","))


@public_reference_data
@require_safe
def who_tables(request: HttpRequest) -> HttpResponse:
    """The WHO tables for the phone: public, cacheable, gzipped when the client accepts it.

    Not personal data and the same for everyone, so the answer is public. The view reads
    nothing of the user and is marked `public_reference_data`, so `PrivateCacheMiddleware`
    (which marks answers to a logged-in user `no-store, private`) leaves the `Cache-Control`
    below alone although the service worker fetches it with the session cookie.
    """
    raw, packed, version = built()
    use_gzip = _accepts_gzip(request)
    etag = f'"{version}-gz"' if use_gzip else f'"{version}"'
    candidates = {
        tag.strip().removeprefix("W/")
        for tag in request.headers.get("If-None-Match", "").split(",")
    }
    if etag in candidates or f'"{version}"' in candidates or f'"{version}-gz"' in candidates:
        response: HttpResponse = HttpResponseNotModified()
    else:
        response = HttpResponse(packed if use_gzip else raw, content_type="application/json")
        if use_gzip:
            response.headers["Content-Encoding"] = "gzip"
    response.headers["ETag"] = etag
    response.headers["Cache-Control"] = f"public, max-age={MAX_AGE_SECONDS}"
    patch_vary_headers(response, ["Accept-Encoding"])
    return response
