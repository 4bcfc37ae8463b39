from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tikar.accounts.models import CREATABLE_ROLES, ROLE_LEVEL, Role, User
from tikar.accounts.scope import can_create, scoped_regions


class LoginForm(AuthenticationForm):
    """Django's login form with a message of our own for a wrong username or password.

    Django's Indonesian catalogue reads "Masukkan nama pengguna %(username)s dan sandi ...",
    and %(username)s is the field's name, so users read "nama pengguna nama pengguna".
    """

    error_messages = AuthenticationForm.error_messages | {
        "invalid_login": gettext_lazy(
            "The username or password is wrong. Check both (capital letters count) and try again."
        ),
    }


class UserCreateForm(forms.Form):
    """An account created by an Admin Desa (KPM) or an officer (for the level below)."""

    first_name = forms.CharField(label=gettext_lazy("Full name"), max_length=150)
    username = forms.SlugField(
        label=gettext_lazy("Username"),
        max_length=150,
        help_text=gettext_lazy("Letters, numbers, - and _ only. Used to log in."),
    )
    phone = forms.CharField(label=gettext_lazy("Phone number"), max_length=20, required=False)
    role = forms.ChoiceField(label=gettext_lazy("Role"))
    region = forms.ModelChoiceField(
        label=gettext_lazy("Region"), queryset=None, required=False, to_field_name="code"
    )
    password = forms.CharField(
        label=gettext_lazy("Initial password"),
        widget=forms.PasswordInput(render_value=True),
        help_text=gettext_lazy("At least 8 characters. Give it to the user in person."),
    )

    def __init__(self, *args, creator: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.creator = creator
        roles = CREATABLE_ROLES.get(creator.role, ())
        self.fields["role"].choices = [(r, Role(r).label) for r in roles]
        levels = {ROLE_LEVEL[r] for r in roles} - {None}
        regions = scoped_regions(creator).filter(level__in=levels).order_by("code")
        self.fields["region"].queryset = regions
        self.fields["region"].label_from_instance = lambda r: f"{r.full_name} ({r.code})"
        if creator.role == Role.VILLAGE_ADMIN:
            # An Admin Desa only ever creates accounts for its own desa.
            # A disabled field ignores whatever region is posted.
            self.fields["region"].initial = creator.region_id
            self.fields["region"].disabled = True
            self.fields["region"].widget = forms.HiddenInput()

    def clean_username(self) -> str:
        username = self.cleaned_data["username"].lower()
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("This username is taken. Choose another one."))
        return username

    def clean(self):
        data = super().clean()
        role, region = data.get("role"), data.get("region")
        if self.creator.role == Role.VILLAGE_ADMIN:
            region = data["region"] = self.creator.region
        if role:
            level = ROLE_LEVEL[role]
            if level is not None and (region is None or region.level != level):
                self.add_error(
                    "region",
                    _("Choose a region of the right level for this role."),
                )
            elif not can_create(self.creator, role, region):
                self.add_error("region", _("You may not create this account in that region."))
        password = data.get("password")
        if password:
            candidate = User(
                username=data.get("username", ""), first_name=data.get("first_name", "")
            )
            try:
                validate_password(password, candidate)
            except forms.ValidationError as exc:
                self.add_error("password", exc)
        return data

    def save(self) -> User:
        data = self.cleaned_data
        user = User(
            username=data["username"],
            first_name=data["first_name"],
            phone=data.get("phone", ""),
            role=data["role"],
            region=data["region"] if ROLE_LEVEL[data["role"]] is not None else None,
            created_by=self.creator,
        )
        user.set_password(data["password"])
        user.save()
        return user
