"""The quarter lock is a rule the monthly records ask (tikar.monitoring.locks); the scorecard
answers it. Without an answer the product refuses to guess: it fails loudly."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ImproperlyConfigured, ValidationError

from tikar.monitoring import locks
from tikar.test import BaseTestCase


class LockRuleTests(BaseTestCase):
    def test_it_asks_the_scorecard_registered_at_startup(self) -> None:
        self.assertIsNotNone(locks._checker)
        locks.ensure_month_open(None, date(2026, 1, 1))  # nothing to check yet
        self.assertFalse(locks.is_locked("12.10.07.2001", 2026, 1))

    def test_it_refuses_a_month_of_a_locked_quarter_with_the_reason(self) -> None:
        saved = locks._checker
        try:
            locks.register(
                locks.LockChecker(lambda v, y, q: q == 3, lambda y, q: f"{q}/{y} dikunci")
            )
            locks.ensure_month_open("12.10.07.2001", date(2026, 6, 1))
            with self.assertRaises(ValidationError) as ctx:
                locks.ensure_month_open("12.10.07.2001", date(2026, 8, 1))
            self.assertEqual(ctx.exception.code, "quarter_locked")
            self.assertIn("3/2026 dikunci", ctx.exception.messages[0])
        finally:
            locks.register(saved)

    def test_it_fails_loudly_when_no_lock_rule_is_registered(self) -> None:
        saved = locks._checker
        try:
            locks._checker = None
            with self.assertRaises(ImproperlyConfigured):
                locks.ensure_month_open("12.10.07.2001", date(2026, 8, 1))
        finally:
            locks.register(saved)
