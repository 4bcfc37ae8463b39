"""Tugas bulan ini on a generated desa of about 150 targets: every task of the month is on one
of the pages, once, in the list's order, and the page costs the same few queries however many
targets the desa has (the list is read as values; only the page's 40 lines are shown)."""

from __future__ import annotations

from datetime import date
from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tikar.front.demo_population import populate_village
from tikar.monitoring import filters
from tikar.monitoring.queries import tasks_for_month
from tikar.test import SIBARGOT, BaseTestCase

TODAY = date(2026, 5, 20)
MAY = date(2026, 5, 1)


class LargeDesaTaskListTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        populate_village(SIBARGOT, today=TODAY, households=60)

    def setUp(self) -> None:
        clock = mock.patch("django.utils.timezone.localdate", return_value=TODAY)
        clock.start()
        self.addCleanup(clock.stop)
        self.login(self.sari)

    def pages(self, **params) -> list:
        first = self.client.get("/tugas/", params)
        pages = [first]
        for n in range(2, first.context["page"].paginator.num_pages + 1):
            pages.append(self.client.get("/tugas/", params | {"hal": str(n)}))
        return pages

    def rows(self, pages) -> list[dict]:
        return [r for page in pages for g in page.context["groups"] for r in g["rows"]]

    def test_it_shows_every_task_of_the_month_once_across_the_pages(self) -> None:
        expected = sorted(
            (f"t-{t.target.pk}-{t.form}", t.done) for t in tasks_for_month(SIBARGOT, MAY)
        )
        pages = self.pages()
        self.assertGreater(len(pages), 1)  # the desa needs more than one page
        shown = sorted((r["anchor"], r["task"].done) for r in self.rows(pages))
        self.assertEqual(shown, expected)
        todo = sum(not done for _, done in expected)
        self.assertEqual(
            pages[0].context["counts"],
            {"todo": todo, "done": len(expected) - todo, "total": len(expected)},
        )
        for page in pages:
            self.assertContains(page, f"Halaman {page.context['page'].number} dari {len(pages)}")

    def test_it_orders_by_group_then_not_recorded_first_then_name(self) -> None:
        keys = []
        for page in self.pages():
            for g in page.context["groups"]:
                keys += [(g["name"], r["task"].done, r["name"].lower()) for r in g["rows"]]
        # Sorted by group first (each group one block), then what is still to record.
        self.assertEqual(keys, sorted(keys))
        self.assertEqual({k[1] for k in keys}, {False, True})

    def test_it_links_each_line_to_its_entry_page_with_the_page_to_come_back_to(self) -> None:
        second = self.pages()[1]
        row = self.rows([second])[0]
        self.assertIn(f"/sasaran/{row['task'].pk}/bulan/2026-5/", row["url"])
        self.assertIn(f"{filters.PAGE_PARAM}=2", row["url"])
        self.assertContains(second, row["task"].head_name)

    def test_it_costs_the_same_queries_for_the_whole_list_as_for_one_target(self) -> None:
        with CaptureQueriesContext(connection) as whole:
            page = self.client.get("/tugas/")
        name = self.rows([page])[0]["name"]
        with CaptureQueriesContext(connection) as one:
            found = self.client.get("/tugas/", {"cari": name})
        self.assertLess(found.context["counts"]["total"], page.context["counts"]["total"])
        self.assertEqual(len(whole), len(one))
        self.assertLessEqual(len(whole), 10)
