from __future__ import annotations

import logging

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tikar.accounts.forms import LoginForm, UserCreateForm
from tikar.accounts.models import CREATABLE_ROLES
from tikar.accounts.scope import can_manage, scoped_users

log = logging.getLogger("tikar.accounts")


@login_required
def user_list(request: HttpRequest) -> HttpResponse:
    users = scoped_users(request.user).order_by("-is_active", "region_id", "role", "username")
    rows = [(u, can_manage(request.user, u)) for u in users[:500]]
    return render(
        request,
        "accounts/user_list.html",
        {"rows": rows, "can_create": bool(CREATABLE_ROLES.get(request.user.role))},
    )


@login_required
def user_create(request: HttpRequest) -> HttpResponse:
    if not CREATABLE_ROLES.get(request.user.role):
        raise PermissionDenied
    form = UserCreateForm(request.POST or None, creator=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        log.info("user %s created %s (%s, %s)", request.user, user, user.role, user.region_id)
        messages.success(
            request,
            _("Account %(username)s created. Give the user the initial password in person.")
            % {"username": user.username},
        )
        return redirect("user_list")
    return render(request, "accounts/user_form.html", {"form": form})


@login_required
@require_POST
def user_toggle_active(request: HttpRequest, pk: int) -> HttpResponse:
    other = get_object_or_404(scoped_users(request.user), pk=pk)
    if not can_manage(request.user, other):
        raise PermissionDenied
    other.is_active = not other.is_active
    other.save(update_fields=["is_active"])
    log.info("user %s set %s active=%s", request.user, other, other.is_active)
    if other.is_active:
        messages.success(request, _("%(name)s can log in again.") % {"name": other.display_name})
    else:
        messages.success(
            request,
            _("%(name)s is deactivated and can no longer log in.") % {"name": other.display_name},
        )
    return redirect("user_list")


class LoginView(auth_views.LoginView):
    """The login page; in demo mode it lists the demo accounts so a newcomer can try each role."""

    authentication_form = LoginForm

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        if settings.TIKAR_DEMO:
            from tikar.accounts.demo import DEMO_PASSWORD, demo_users

            ctx["demo_users"] = demo_users()
            ctx["demo_password"] = DEMO_PASSWORD
        return ctx


def locked_out(request: HttpRequest, response=None, credentials=None) -> HttpResponse:
    """django-axes calls this when a username/address pair is throttled."""
    minutes = round(settings.AXES_COOLOFF_TIME * 60)
    return render(request, "registration/locked_out.html", {"cooloff_minutes": minutes}, status=429)


def _password_change_credentials(request: HttpRequest) -> dict:
    return {"username": request.user.get_username()}


class PasswordChangeView(auth_views.PasswordChangeView):
    """The password-change page, with wrong current passwords throttled like wrong logins.

    Someone who finds a phone left logged in could otherwise guess the current password here
    without limit. Each wrong current password is reported to django-axes as a failed login of
    that user (stored in the database, so every server process counts it); after
    AXES_FAILURE_LIMIT of them (5) from one address the form is locked for AXES_COOLOFF_MINUTES
    (15), and so is logging in as that user from that address.
    """

    def _locked(self) -> bool:
        return AxesProxyHandler.is_locked(self.request, _password_change_credentials(self.request))

    def _render_locked(self) -> HttpResponse:
        minutes = round(settings.AXES_COOLOFF_TIME * 60)
        locked = _(
            "Too many wrong current passwords. This form is locked for %(minutes)s minutes: "
            "wait, then try again, or ask your Admin Desa to set a new password."
        ) % {"minutes": minutes}
        return self.render_to_response(self.get_context_data(locked=locked), status=429)

    def get(self, request, *args, **kwargs):
        if self._locked():
            return self._render_locked()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self._locked():
            return self._render_locked()
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        if "old_password" in form.errors:
            user_login_failed.send(
                sender=type(self),
                credentials=_password_change_credentials(self.request),
                request=self.request,
            )
            log.warning(
                "wrong current password on the password-change page for %s", self.request.user
            )
            if getattr(self.request, "axes_locked_out", False):
                # This failure reached the limit: show the lock on this form rather than
                # django-axes' login lockout page (the user is still logged in).
                self.request.axes_locked_out = False
                return self._render_locked()
        return super().form_invalid(form)

    def form_valid(self, form):
        AxesProxyHandler.reset_attempts(username=self.request.user.get_username())
        return super().form_valid(form)
