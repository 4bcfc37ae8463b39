"""The tables the phone decodes from who2006.json are the server's tables, bit for bit.

/lapangan/data/who2006.json carries WHO's L, M, S columns as scaled, delta-coded integers; in
headless Chromium who2006.js decodes them, and every value of every table and sex must be the
same double as `who2006.load_table` (numpy reading WHO's text files) holds for that row.
"""

from __future__ import annotations

import numpy as np

from tikar.growth.who2006 import load_table

from .who2006_js_harness import engine_page, js_call

TABLES = ("len", "wei", "bmi", "hc", "ac", "wfl", "wfh")


def test_it_decodes_every_table_value_to_the_servers_double() -> None:
    with engine_page() as page:
        decoded = js_call(
            page,
            """names => names.map(name => [1, 2].map(sex => window.who.tableColumns(name, sex)))""",
            list(TABLES),
        )
    compared = 0
    for name, per_sex in zip(TABLES, decoded, strict=True):
        table = load_table(name)
        for sex, columns in zip((1, 2), per_sex, strict=True):
            assert (columns["first"], columns["last"]) == (table.first, table.last), name
            start = round((table.first - table.start) / table.step)
            for param in ("l", "m", "s"):
                want = getattr(table, param)[sex, start:]
                got = np.array(columns[param], dtype=np.float64)
                assert want.shape == got.shape, (name, sex, param)
                assert np.array_equal(want, got), (name, sex, param)  # exact, not close
                compared += got.size
    assert compared == 3 * (20499 - 7)  # every row of the seven files (minus their headers)
