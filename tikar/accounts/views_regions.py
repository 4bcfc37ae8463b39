"""The region picker and the desa's posyandu list: pages about regions that need the scope.

They sit in the accounts app (not in `tikar.regions`) because they read `tikar.accounts.scope`
and regions sits below accounts in the layers of pyproject.toml [tool.importlinter]
(`accounts.models.User` has a foreign key to `Region`). URL names are unchanged.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tikar.accounts.models import Role
from tikar.accounts.scope import get_scoped_or_404, scoped, scoped_regions
from tikar.regions.models import Posyandu

SEARCH_LIMIT = 20


@login_required
def region_search(request: HttpRequest) -> JsonResponse:
    """Region picker: by name (any part) or by code prefix, within the user's area."""
    q = request.GET.get("q", "").strip()
    qs = scoped_regions(request.user)
    level = request.GET.get("level", "")
    if level.isdigit():
        qs = qs.filter(level=int(level))
    if not q:
        return JsonResponse({"results": []})
    if q[0].isdigit():
        qs = qs.filter(code__startswith=q)
    else:
        qs = qs.filter(Q(name__icontains=q))
    results = [
        {
            "code": r.code,
            "name": r.name,
            "level": r.level,
            "kind": str(r.kind_label),
            "label": f"{r.full_name} ({r.code})",
        }
        for r in qs.order_by("level", "name")[:SEARCH_LIMIT]
    ]
    return JsonResponse({"results": results})


class PosyanduForm(forms.ModelForm):
    class Meta:
        model = Posyandu
        fields = ["name", "dusun"]
        labels = {"name": gettext_lazy("Posyandu name"), "dusun": gettext_lazy("Dusun")}

    def __init__(self, *args, village, **kwargs):
        super().__init__(*args, **kwargs)
        self.village = village

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        clash = Posyandu.objects.filter(village=self.village, name__iexact=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(
                _("This desa already has a posyandu named “%(name)s”. Use another name.")
                % {"name": name}
            )
        return name


def _require_village_admin(request: HttpRequest) -> None:
    if request.user.role != Role.VILLAGE_ADMIN:
        raise PermissionDenied


@login_required
def posyandu_list(request: HttpRequest) -> HttpResponse:
    qs = scoped(Posyandu.objects.select_related("village"), request.user).order_by(
        "-active", "dusun", "name"
    )
    return render(
        request,
        "regions/posyandu_list.html",
        {"posyandu_list": qs, "can_edit": request.user.role == Role.VILLAGE_ADMIN},
    )


@login_required
def posyandu_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    user = request.user
    instance = None
    if pk is not None:
        # Scope first: another desa's posyandu is a 404 for everyone, whatever their role.
        instance = get_scoped_or_404(Posyandu.objects.all(), user, pk=pk)
    _require_village_admin(request)
    form = PosyanduForm(request.POST or None, instance=instance, village=user.region)
    if request.method == "POST" and form.is_valid():
        posyandu = form.save(commit=False)
        posyandu.village = user.region
        posyandu.save()
        messages.success(request, _("Posyandu %(name)s saved.") % {"name": posyandu.name})
        return redirect("posyandu_list")
    return render(request, "regions/posyandu_form.html", {"form": form, "instance": instance})


@login_required
@require_POST
def posyandu_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    posyandu = get_scoped_or_404(Posyandu.objects.all(), request.user, pk=pk)
    _require_village_admin(request)
    posyandu.active = not posyandu.active
    posyandu.save(update_fields=["active"])
    return redirect("posyandu_list")
