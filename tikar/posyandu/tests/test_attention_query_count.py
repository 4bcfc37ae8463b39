"""No query per target: the attention list costs the same queries for 3 or 13 targets."""

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from tikar.posyandu.attention_queries import attention_for_village
from tikar.posyandu.tests import attention_desa as d
from tikar.test import SIBARGOT, BaseTestCase

MAX_QUERIES = 5  # children, their records, pregnancies, their records, the PNC standard


@override_settings(TIKAR_TODAY=d.TODAY_SETTING)
class AttentionQueryCountTest(BaseTestCase):
    def count(self) -> tuple[int, int]:
        with CaptureQueriesContext(connection) as ctx:
            items = attention_for_village(SIBARGOT, d.TODAY)
        return len(ctx.captured_queries), len(items)

    def test_it_runs_a_fixed_number_of_queries(self):
        d.seed(self)
        few, n_few = self.count()
        for i in range(5):
            d.flat_child(self.sibargot, self.sari, f"Anak {i}", posyandu=self.melati)
            d.kek_pregnancy(self.sibargot, self.sari, f"Ibu {i}")
        many, n_many = self.count()
        self.assertEqual(n_many, n_few + 10)
        self.assertEqual(few, many)
        self.assertLessEqual(many, MAX_QUERIES)
