"""`/perhatian/`: who needs attention in a desa, and `/perhatian/cetak/`, the bidan's A4 list.

The desa is the village user's own, or `?desa=CODE` for an officer in their area
(`village_for`: any other desa is a 404). Filters: `?posyandu=<id>`, `?jenis=anak|ibu`,
`?alasan=<code>`; an unreadable filter is ignored with a message in Bahasa Indonesia, never a 500.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from tikar import clock
from tikar.accounts.scope import scoped
from tikar.households.views import village_for
from tikar.posyandu.attention import CODES, RUJUK, AttentionItem
from tikar.posyandu.attention_queries import attention_for_village
from tikar.regions.models import Posyandu

KINDS = {"anak": "child", "ibu": "pregnancy"}


def reason_labels() -> dict[str, str]:
    """The filter's names of the reason codes (short, translated)."""
    return {
        "two_t": _("2T: weight not gained twice"),
        "bgm": _("BGM: below the red line"),
        "stunted_new": _("Newly stunted"),
        "wasted_new": _("Newly wasted"),
        "kek": _("KEK: mid-upper arm < 23.5 cm"),
        "risti": _("High-risk pregnancy"),
        "t": _("T: weight not gained"),
        "stunted": _("Stunted"),
        "wasted": _("Wasted"),
        "not_weighed": _("Not weighed for 2 months or more"),
        "immunisation": _("Immunisation due"),
        "due_soon": _("Due date within 14 days"),
        "due_passed": _("Due date passed"),
        "postnatal_due": _("Postnatal checks due"),
    }


@dataclass
class Listing:
    village: object
    items: list[AttentionItem]
    total: int
    posyandu: list
    posyandu_id: int | None
    kind: str
    reason: str
    problems: list[str]
    desa_param: str

    @property
    def rujuk(self) -> int:
        return sum(1 for i in self.items if i.level == RUJUK)

    @property
    def query(self) -> str:
        parts = [
            ("desa", self.desa_param),
            ("posyandu", str(self.posyandu_id or "")),
            ("jenis", self.kind),
            ("alasan", self.reason),
        ]
        return "&".join(f"{k}={v}" for k, v in parts if v)


def listing(request: HttpRequest) -> Listing:
    """The filtered attention list of the request's desa (404 outside the user's scope)."""
    village = village_for(request)
    problems: list[str] = []
    posyandu = list(scoped(Posyandu.objects.filter(village=village), request.user))
    posyandu_id: int | None = None
    raw = request.GET.get("posyandu", "").strip()
    if raw:
        if raw.isdigit() and int(raw) in {p.pk for p in posyandu}:
            posyandu_id = int(raw)
        else:
            problems.append(_("That posyandu is not in this desa; showing all posyandu."))
    kind = request.GET.get("jenis", "").strip()
    if kind and kind not in KINDS:
        problems.append(_("Unknown kind of target; showing children and mothers."))
        kind = ""
    reason = request.GET.get("alasan", "").strip()
    if reason and reason not in CODES:
        problems.append(_("Unknown reason; showing every reason."))
        reason = ""
    items = attention_for_village(village.code, clock.today(), posyandu_id)
    total = len(items)
    if kind:
        items = [i for i in items if i.kind == KINDS[kind]]
    if reason:
        items = [i for i in items if any(r.code == reason for r in i.reasons)]
    return Listing(
        village=village,
        items=items,
        total=total,
        posyandu=posyandu,
        posyandu_id=posyandu_id,
        kind=kind,
        reason=reason,
        problems=problems,
        desa_param="" if request.user.is_village_user else village.code,
    )


def _context(request: HttpRequest) -> dict:
    found = listing(request)
    return {
        "found": found,
        "village": found.village,
        "today": clock.today(),
        "reason_labels": reason_labels(),
        "kinds": [("anak", _("Children")), ("ibu", _("Pregnant women and mothers"))],
        "is_village_user": request.user.is_village_user,
    }


@login_required
@require_safe
def attention_list(request: HttpRequest) -> HttpResponse:
    return render(request, "posyandu/attention_list.html", _context(request))


@login_required
@require_safe
def attention_print(request: HttpRequest) -> HttpResponse:
    return render(request, "posyandu/attention_print.html", _context(request))
