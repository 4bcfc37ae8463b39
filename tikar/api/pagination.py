"""Cursor pagination on a unique, increasing column, so a page boundary never skips a row.

The synced records page on `change_seq`: the server's change counter (unique across every
synced table), so the same cursor that pages a list also serves "changes since N" (`?since=`).
"""

from __future__ import annotations

from rest_framework.pagination import CursorPagination


class ChangeSeqPagination(CursorPagination):
    ordering = "change_seq"


class CodePagination(CursorPagination):
    ordering = "code"


class IdPagination(CursorPagination):
    ordering = "id"
