"""The field app's words: key → English msgid, translated when the shell is rendered.

The shell puts the translated dict into the page as a JSON data block (`json_script`, allowed
by the Content-Security-Policy, unlike an inline script); `i18n.js` `t(key)` reads it. This file
holds the plumbing's words (header, sync, outbox states, logout); the screens' words are in
`messages_screens.py` (helper D2) and are merged in here.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "app_name": _("Field app"),
    "unsent_count": _("{n} not sent yet"),
    "unsent_none": _("Everything sent"),
    "check_count": _("{n} to check"),
    "last_sync": _("Last sent: {when}"),
    "last_sync_never": _("Not sent yet from this phone"),
    "online": _("Online"),
    "offline": _("Offline"),
    "sync_now": _("Send now"),
    "syncing": _("Sending…"),
    "sync_done": _("Sent and updated."),
    "sync_failed": _(
        "Could not reach the server. Your data is kept on this phone; it will be sent later."
    ),
    "sync_offline": _("No signal. Your data is kept on this phone and sent when there is signal."),
    "sync_login": _("Log in again to send the data"),
    "sync_login_link": _("Log in"),
    "first_download": _("Fetching your desa's data for use without signal…"),
    "first_download_failed": _(
        "Your desa's data could not be fetched yet. Open the app again when there is signal."
    ),
    "state_unsent": _("not sent yet"),
    "state_sent": _("sent"),
    "state_check": _("needs checking"),
    "state_check_reason": _("needs checking: {reason}"),
    "storage_persisted": _("Data on this phone is kept permanently."),
    "storage_not_persisted": _(
        "The browser may delete this app's data when the phone is low on space. Send often."
    ),
    "update_ready": _("A new version of the app is ready."),
    "update_now": _("Update"),
    "logout": _("Log out"),
    "logout_title": _("Log out?"),
    "logout_unsent": _(
        "{n} records on this phone have not been sent yet. If you log out now they stay on this phone and are sent when you log in again as yourself, but nobody else can see or send them."
    ),
    "logout_check": _("{n} records need checking; they stay on this phone until you correct them."),
    "logout_send_first": _("Send first"),
    "logout_anyway": _("Log out anyway"),
    "cancel": _("Cancel"),
    "home": _("Home"),
    "loading": _("Loading…"),
    "refused_generic": _("The server did not accept this record."),
    "conflict_generic": _(
        "Someone else changed this record at the same time. Open the conflict page to choose."
    ),
    "not_found": _("not found"),
    "close": _("Close"),
    "logout_offline_title": _("Logging out needs signal."),
    "logout_offline_text": _("Your data stays safe on this phone."),
    # The record screen (static/field/screens/record.js): duplicates, conflicts, refusals.
    "Another phone changed this record at the same time. Both versions are kept on the server; choose there which one is right.": _(
        "Another phone changed this record at the same time. Both versions are kept on the server; choose there which one is right."
    ),
    "Do not change these answers here until the conflict is resolved.": _(
        "Do not change these answers here until the conflict is resolved."
    ),
    "Open the conflict page": _("Open the conflict page"),
    "The conflict page needs signal. Open it when there is signal.": _(
        "The conflict page needs signal. Open it when there is signal."
    ),
    "The server says this person may already be registered. Check that it is not the same person.": _(
        "The server says this person may already be registered. Check that it is not the same person."
    ),
    "I have checked it": _("I have checked it"),
    "Delete it, it is a duplicate": _("Delete it, it is a duplicate"),
    "Delete this record? The deletion is sent to the server.": _(
        "Delete this record? The deletion is sent to the server."
    ),
    "Yes, delete": _("Yes, delete"),
    "Delete from this phone": _("Delete from this phone"),
    "Delete this record from this phone? The server never accepted it, so it will be gone.": _(
        "Delete this record from this phone? The server never accepted it, so it will be gone."
    ),
}


def all_messages() -> dict[str, str]:
    """Every key of the field app, translated into the active language. The screens' dict
    (helper D2's `messages_screens.py`) is merged in when it exists; on a clash the plumbing's
    key wins so the header never changes its words behind this file's back."""
    merged: dict = {}
    try:
        from . import messages_screens

        merged.update(getattr(messages_screens, "MESSAGES", {}))
    except ImportError:
        pass
    merged.update(MESSAGES)
    return {key: str(value) for key, value in merged.items()}
