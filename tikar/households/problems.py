"""A validation finding, shared by the pure rule modules (no Django import).

The phone runs the same rules before saving (offline.md 7), so a finding carries a stable
`code` the client can key on and a `message` in Bahasa Indonesia that says what to fix.
An ERROR refuses the input; a WARNING is asked about and may be confirmed by the user.
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    code: str
    message: str
    severity: str = ERROR
    field: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]


def warnings(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if not p.is_error]
