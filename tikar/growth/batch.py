"""Batch WHO 2006 z-scores for a CSV or XLSX file, in WHO Anthro's column convention.

    tikar-zscore INPUT.csv|.xlsx -o OUTPUT.csv|.xlsx [--summary] [--summary-out FILE.csv]
                                 [--by region] [--chunk-size 100000]

The same run is ``python manage.py zscore ...``.  This module imports no Django at all: the
``tikar-zscore`` console script (pyproject ``[project.scripts]``) needs no database, no
SECRET_KEY and no settings, so a puskesmas nutritionist can run it on a laptop without setting
up the web application.

Input columns (header names are case-insensitive; any other column passes through unchanged):
``sex`` (1/m, 2/f), ``age_days`` or ``age_months``, ``weight`` (kg), ``lenhei`` (cm),
``measure`` (l/h), ``headc``, ``armc`` (cm) and ``oedema`` (y/n).  ``-`` reads stdin / writes
stdout.  The file is processed in chunks so that memory stays bounded for any number of rows.

Two paths give the same bytes (tests/test_zscore_output_bytes.py pins them).  A plain CSV file
(no quotes, no ragged lines, UTF-8; blank lines are fine) goes through pyarrow: its CSV parser
reads blocks of lines into string columns, numpy scores them, the results are formatted by
pyarrow gathers from lookup tables and pyarrow's CSV writer writes the lines, so a million rows
take less than twice as long as pyarrow reading and writing the file (bench/bench_zscore_cli.py).  Anything else (and stdin/stdout, and workbooks) takes the csv
module's row-by-row path, which reads every quirk exactly as it always did.  Workbooks (.xlsx)
are streamed with openpyxl's read-only and write-only modes.

User-facing messages are written directly in Bahasa Indonesia rather than wrapped in gettext:
the stderr report is read by Indonesian puskesmas nutritionists, and a batch run happens outside
any request, so there is no user language to translate into (and no Django to translate with).

The output keeps WHO Anthro's machine convention (English column names, ``.`` decimals, the
input's own separator) because other software reads it.  Only one thing differs from a plain
copy: a passed-through text cell that a spreadsheet would run as a formula (``=HYPERLINK(...)``)
gets a leading apostrophe (tikar.exports), since these files are also opened in Excel.
"""

from __future__ import annotations

import argparse
import codecs
import csv
import errno
import io
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import cache
from itertools import chain
from typing import Any, TextIO

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from tikar.exports import FORMULA_STARTS, is_formula_like, safe_csv_text
from tikar.growth.prevalence import PrevalenceCounter, PrevalenceRow
from tikar.growth.who2006 import (
    CATEGORY_CODES,
    CATEGORY_LABELS,
    INDICATORS,
    GrowthResult,
    compute,
)

PROGRAM = "tikar-zscore"
DESCRIPTION = (
    "Menghitung z-score WHO 2006 (PB/U, BB/U, BB/PB, IMT/U, LK/U, LiLA/U), flag, dan "
    "kategori Permenkes 2/2020 untuk berkas CSV atau XLSX berformat WHO Anthro."
)


_OS_ERRORS = {
    errno.ENOENT: "berkas atau foldernya tidak ada",
    errno.EACCES: "tidak ada izin untuk berkas atau folder ini",
    errno.EISDIR: "ini sebuah folder, bukan berkas",
    errno.ENOSPC: "disk penuh",
}


class BatchError(Exception):
    """A run that cannot start or finish; the message (Bahasa Indonesia) says what to fix."""


INPUT_COLUMNS = ("sex", "age_days", "age_months", "weight", "lenhei", "measure", "headc", "armc")
INPUT_COLUMNS += ("oedema",)
NUMBER_COLUMNS = ("age_days", "age_months", "weight", "lenhei", "headc", "armc")
RESULT_COLUMNS = (
    "clenhei",
    "cbmi",
    *(name for ind in INDICATORS for name in (f"z{ind}", f"f{ind}")),
    *(f"cat_{ind}" for ind in CATEGORY_CODES),
)
# Spreadsheet exports write these for an empty cell; they are missing values, not errors.
MISSING_TOKENS = ("", "na", "n/a", "nan", "NA", "N/A", "NaN", "NAN", ".")
SEX_TOKENS = {"1": 1, "m": 1, "2": 2, "f": 2}
POSITION_TOKENS = {"l", "h"}
OEDEMA_TOKENS = {"y", "n", "1", "0", "2"}
_MEASURE_OK = [*POSITION_TOKENS, ""]
_OEDEMA_OK = [*OEDEMA_TOKENS, ""]

INDICATOR_NAMES_ID = {
    "stunting": "Stunting (PB/U atau TB/U < -2 SD)",
    "severe_stunting": "Sangat pendek (PB/U atau TB/U < -3 SD)",
    "wasting": "Wasting (BB/PB atau BB/TB < -2 SD)",
    "severe_wasting": "Gizi buruk (BB/PB atau BB/TB < -3 SD)",
    "underweight": "Underweight (BB/U < -2 SD)",
    "overweight": "Gizi lebih (BB/PB atau BB/TB > +2 SD)",
}
GROUP_NAMES_ID = {"all": "semua", "sex": "jenis kelamin", "age_group": "umur (bulan)"}
VALUE_NAMES_ID = {"all": "semua", "male": "laki-laki", "female": "perempuan"}


def _show(value: str) -> str:
    """A cell as it can safely be quoted in a message (undecodable bytes, very long text)."""
    text = value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return text if len(text) <= 40 else text[:37] + "..."


@cache
def _fixed2_lookup() -> npt.NDArray[np.object_]:
    """Every 2-decimal string from -1000.00 to 1000.00, so formatting is one numpy gather.

    Formatting 14 numbers per row one by one in Python would dominate the run time of a
    million-row file; z-scores, lengths and BMIs all fall inside this range.
    """
    return np.array([f"{k / 100:.2f}" for k in range(-100_000, 100_001)], dtype=object)


def _format2(values: npt.NDArray[np.float64]) -> list[str]:
    lookup = _fixed2_lookup()
    with np.errstate(invalid="ignore"):
        hundredths = np.rint(values * 100.0)  # the same rounding as np.round(values, 2)
        inside = np.abs(hundredths) <= 100_000
    index = np.where(inside, hundredths, 0).astype(np.int64) + 100_000
    out = lookup[index]
    out[np.isnan(values)] = ""
    for i in np.flatnonzero(~inside & ~np.isnan(values)):
        out[i] = f"{values[i]:.2f}"  # outside the table: rare, so a loop is fine
    return out.tolist()


_FLAG_TEXT = np.array(["", "0", "1"], dtype=object)


def _format_flag(values: npt.NDArray[np.float64]) -> list[str]:
    index = np.where(np.isnan(values), 0, values + 1).astype(np.int64)
    return _FLAG_TEXT[index].tolist()


@dataclass
class Chunk:
    """Rows of one chunk, with their spreadsheet row numbers and the problems found."""

    rows: list[list[str]]
    # Spreadsheet row numbers: a list, or on the fast path a numpy int64 array.
    numbers: Sequence[int]
    # The fast path's cells: one pyarrow string array per input column (``rows`` is then []).
    arrays: list[Any] | None = None
    errors: list[tuple[int, str]] = field(default_factory=list)
    unreadable: list[int] = field(default_factory=list)  # positions in ``rows``
    warnings: list[tuple[int, str]] = field(default_factory=list)
    # Warnings counted but not written out: once --report-limit lines have been shown, no
    # later line can be, so the messages are not even formatted (tens of thousands of
    # out-of-age-range rows in a big file cost more than the scoring).
    unwritten_warnings: int = 0
    # Fast path: input columns (by position) whose every cell is a plain number or empty, so
    # none can look like a spreadsheet formula.
    plain_columns: set[int] = field(default_factory=set)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The run's options, shared by ``tikar-zscore`` and ``manage.py zscore``."""
    parser.add_argument("input", help="Berkas CSV atau XLSX masukan, atau - untuk stdin.")
    parser.add_argument(
        "-o", "--output", default="-", help="Berkas CSV atau XLSX keluaran, atau - untuk stdout."
    )
    parser.add_argument(
        "--summary", action="store_true", help="Tampilkan tabel prevalensi dengan IK 95%%."
    )
    parser.add_argument("--summary-out", help="Tulis tabel prevalensi ke berkas CSV ini.")
    parser.add_argument(
        "--by",
        action="append",
        default=[],
        help="Kolom tambahan untuk mengelompokkan prevalensi (misalnya desa); boleh diulang.",
    )
    parser.add_argument(
        "--chunk-size",
        type=int,
        default=100_000,
        help="Jumlah baris per potongan (bawaan 100000); memori tetap terbatas.",
    )
    parser.add_argument(
        "--report-limit",
        type=int,
        default=1000,
        help="Jumlah maksimum baris laporan masalah yang ditampilkan (bawaan 1000).",
    )


class ZscoreBatch:
    """One batch run.  ``stdout`` receives the CSV when the output is ``-`` (and the summary
    otherwise), ``stderr`` the report; both are text streams.  Raises ``BatchError``."""

    def __init__(self, stdout: TextIO, stderr: TextIO) -> None:
        self.stdout = _Lines(stdout)
        self.stderr = _Lines(stderr)
        self._raw_stdout = stdout
        self._sink: list[str] | None = None

    def run(self, **options: Any) -> None:
        """Run with the options of ``add_arguments`` (input, output, summary, ...)."""
        try:
            self._run_options(options)
        except OSError as error:
            # A folder that does not exist, a file without permission, a full disk: say which
            # file, in Indonesian, instead of a traceback.
            reason = _OS_ERRORS.get(error.errno or 0, error.strerror or str(error))
            where = f" ({error.filename})" if error.filename else ""
            raise BatchError(f"Berkas tidak dapat dibaca atau ditulis{where}: {reason}.") from None

    def _run_options(self, options: dict[str, Any]) -> None:
        source: str = options["input"]
        target: str = options["output"]
        if options["chunk_size"] < 1:
            raise BatchError("--chunk-size harus lebih dari 0.")
        if source != "-" and not os.path.isfile(source):
            raise BatchError(
                f"Berkas masukan tidak ditemukan: {source}. Periksa nama berkas dan foldernya."
            )
        if (
            source != "-"
            and target != "-"
            and os.path.exists(target)
            and os.path.samefile(source, target)
        ):
            raise BatchError("Berkas keluaran tidak boleh sama dengan berkas masukan.")

        self.report_limit: int = options["report_limit"]
        self.reported = 0
        self.error_rows = 0
        self.warning_count = 0
        stdout = self._raw_stdout

        # Undecodable bytes (a Windows-1252 export) pass through unchanged instead of aborting
        # the run: surrogateescape round-trips them.  utf-8-sig drops Excel's BOM.
        infile: Any
        if source == "-":
            infile = io.TextIOWrapper(
                sys.stdin.buffer, encoding="utf-8-sig", errors="surrogateescape", newline=""
            )
        elif _is_xlsx(source):
            infile = _XlsxRows(source)
        else:
            infile = open(source, encoding="utf-8-sig", errors="surrogateescape", newline="")  # noqa: SIM115
        try:
            reader: Iterator[list[str]]
            if isinstance(infile, _XlsxRows):
                first_line = ""
                header = infile.header
                if not any(cell.strip() for cell in header):
                    raise BatchError(
                        "Berkas masukan kosong: tidak ada baris judul (header) berisi nama kolom."
                    )
                delimiter = ","  # a CSV written from a workbook follows WHO Anthro's comma
                reader = infile.rows()
            else:
                first_line = infile.readline()
                if not first_line.strip():
                    raise BatchError(
                        "Berkas masukan kosong: tidak ada baris judul (header) berisi nama kolom."
                    )
                # Indonesian Excel writes ';' (the comma is the decimal separator): follow it.
                delimiter = max((";", ",", "\t"), key=first_line.count)
                reader = csv.reader(chain([first_line], infile), delimiter=delimiter)
                header = next(reader)
            columns = self._locate_columns(header)
            for name in options["by"]:
                if name.strip().lower() not in columns["_all"]:
                    raise BatchError(f"Kolom --by '{name}' tidak ada di berkas masukan.")
            by_index = {name: columns["_all"][name.strip().lower()] for name in options["by"]}

            counter = PrevalenceCounter(by=tuple(by_index))
            total = None
            if source != "-" and target != "-" and not _is_xlsx(source) and not _is_xlsx(target):
                # The columnar path (pyarrow) for the plain CSV files that make up nearly every
                # run; anything it cannot reproduce byte for byte (quotes, ragged
                # lines, undecodable bytes) restarts below on the row-by-row path, with the
                # report and the prevalence discarded.
                try:
                    total = self._run_fast(
                        source,
                        first_line,
                        header,
                        columns,
                        by_index,
                        counter,
                        target,
                        delimiter,
                        options,
                    )
                except _NotFast:
                    counter = PrevalenceCounter(by=tuple(by_index))
                    self.reported = self.error_rows = self.warning_count = 0
            if total is None:
                total = self._run(
                    reader, header, columns, by_index, counter, target, delimiter, stdout, options
                )
        finally:
            if source != "-":
                infile.close()

        self._finish_report(total, target)
        if options["summary"] or options["summary_out"]:
            rows = counter.rows()
            if options["summary_out"]:
                self._write_summary_csv(rows, options["summary_out"])
            if options["summary"]:
                # With the CSV itself on stdout, the table goes to stderr to keep the CSV clean.
                out = self.stderr if target == "-" else self.stdout
                out.write(self._summary_text(rows))

    def _locate_columns(self, header: Sequence[str]) -> dict[str, Any]:
        names = [h.strip().lower() for h in header]
        found: dict[str, int] = {}
        for i, name in enumerate(names):
            found.setdefault(name, i)  # a repeated column: the first one is the input
        missing = [c for c in ("sex", "weight", "lenhei") if c not in found]
        if "age_days" not in found and "age_months" not in found:
            missing.insert(1, "age_days atau age_months")
        if missing:
            raise BatchError(
                "Kolom wajib tidak ditemukan: "
                + ", ".join(missing)
                + ". Kolom yang ada: "
                + ", ".join(h for h in header if h.strip())
                + ". Nama kolom mengikuti WHO Anthro: sex, age_days atau age_months, weight, "
                "lenhei, measure, headc, armc, oedema (huruf besar/kecil tidak dibedakan)."
            )
        return {"_all": found, **{c: found[c] for c in INPUT_COLUMNS if c in found}}

    def _run(
        self,
        reader: Iterator[list[str]],
        header: list[str],
        columns: dict[str, Any],
        by_index: dict[str, int],
        counter: PrevalenceCounter,
        target: str,
        delimiter: str,
        stdout: TextIO,
        options: dict[str, Any],
    ) -> int:
        width = len(header)
        lower = [h.strip().lower() for h in header]
        # Re-running on an output file: its result columns are overwritten in place.
        existing = {c: lower.index(c) for c in RESULT_COLUMNS if c in lower}
        out_header = list(header) + [c for c in RESULT_COLUMNS if c not in existing]
        positions = [existing[c] if c in existing else out_header.index(c) for c in RESULT_COLUMNS]

        if target == "-":
            outfile: TextIO = stdout
            tmp_path = None
        else:
            directory = os.path.dirname(os.path.abspath(target))
            if not os.path.isdir(directory):
                raise BatchError(
                    f"Folder untuk berkas keluaran tidak ada: {directory}. Buat foldernya dulu "
                    "atau pilih folder lain dengan -o."
                )
            suffix = ".xlsx" if _is_xlsx(target) else ".csv"
            handle, tmp_path = tempfile.mkstemp(prefix=".zscore-", suffix=suffix, dir=directory)
            # Written next to the target and renamed at the end: a failed run never leaves a
            # half-written file under the name the user asked for.
            outfile = open(  # noqa: SIM115
                handle, "w", encoding="utf-8", errors="surrogateescape", newline=""
            )
        total = 0
        try:
            writer: Any
            if tmp_path is not None and _is_xlsx(target):
                writer = _XlsxWriter(tmp_path)
            else:
                writer = csv.writer(outfile, delimiter=delimiter, lineterminator="\r\n")
            writer.writerow(out_header)
            for chunk in self._chunks(reader, width, options["chunk_size"]):
                total += len(chunk.rows)
                result = self._score(chunk, columns)
                groups = {name: [row[i] for row in chunk.rows] for name, i in by_index.items()}
                counter.add(result, groups)
                # Before the result columns are added: only the user's own cells can be text.
                _neutralise_formulas(chunk.rows)
                values = self._result_columns(result)
                if existing:
                    blank = [""] * (len(out_header) - width)
                    for row, extra in zip(chunk.rows, zip(*values, strict=True), strict=True):
                        row.extend(blank)
                        for pos, value in zip(positions, extra, strict=True):
                            row[pos] = value
                else:
                    for row, extra in zip(chunk.rows, zip(*values, strict=True), strict=True):
                        row.extend(extra)
                writer.writerows(chunk.rows)
                self._report(chunk)
            outfile.flush()
            if isinstance(writer, _XlsxWriter):
                writer.save()
        except BaseException:
            if tmp_path is not None:
                outfile.close()
                os.unlink(tmp_path)
            raise
        if tmp_path is not None:
            outfile.close()
            os.replace(tmp_path, target)
        return total

    def _run_fast(
        self,
        source: str,
        first_line: str,
        header: list[str],
        columns: dict[str, Any],
        by_index: dict[str, int],
        counter: PrevalenceCounter,
        target: str,
        delimiter: str,
        options: dict[str, Any],
    ) -> int:
        """The columnar run: pyarrow parses blocks of the file, numpy scores, pyarrow joins.

        Returns the number of data rows.  Raises ``_NotFast`` before anything reaches the
        target or stderr whenever the file holds something only the csv module reads exactly
        as before (a quote, a whitespace-only line, a ragged row, a lone CR, a NUL, bytes
        that are not UTF-8); the caller then runs ``_run``.  Memory: one block of the file
        (``_BLOCK_BYTES``) and its output at a time.
        """
        import pyarrow.csv as pacsv

        width = len(header)
        lower = [h.strip().lower() for h in header]
        existing = {c: lower.index(c) for c in RESULT_COLUMNS if c in lower}
        out_header = list(header) + [c for c in RESULT_COLUMNS if c not in existing]
        positions = [existing[c] if c in existing else out_header.index(c) for c in RESULT_COLUMNS]
        names = [f"c{i}" for i in range(width)]
        read_options = pacsv.ReadOptions(column_names=names, block_size=_BLOCK_BYTES)
        parse_options = pacsv.ParseOptions(
            delimiter=delimiter,
            quote_char=False,
            newlines_in_values=False,
            # A blank line is then a row of empty cells, which is dropped below with its row
            # number counted, as the csv module's [] is; no byte search is needed for it.
            ignore_empty_lines=False,
        )
        convert_options = pacsv.ConvertOptions(
            column_types=dict.fromkeys(names, pa.string()), strings_can_be_null=False
        )
        out_names = [f"c{i}" for i in range(len(out_header))]
        write_options = pacsv.WriteOptions(
            include_header=False,
            delimiter=delimiter,
            eol="\r\n",
            quoting_style="none",
            batch_size=1024,  # pyarrow's default; 100,000-row batches measured slower
        )

        directory = os.path.dirname(os.path.abspath(target))
        if not os.path.isdir(directory):
            raise _NotFast  # the row-by-row path says so, in Indonesian
        self._sink = []
        total = 0
        with _fast_memory_pool(), open(source, "rb") as infile:
            head = infile.readline()
            if head.startswith(codecs.BOM_UTF8):
                head = head[len(codecs.BOM_UTF8) :]
            try:
                if head.decode("utf-8") != first_line:
                    raise _NotFast
            except UnicodeDecodeError:
                raise _NotFast from None
            if not _plain_block(head):
                raise _NotFast
            handle, tmp_path = tempfile.mkstemp(prefix=".zscore-", suffix=".csv", dir=directory)
            try:
                with open(handle, "wb") as outfile:
                    text = io.StringIO()
                    csv.writer(text, delimiter=delimiter, lineterminator="\r\n").writerow(
                        out_header
                    )
                    outfile.write(text.getvalue().encode("utf-8", "surrogateescape"))
                    number = 1  # the header is row 1 in the user's spreadsheet
                    for block in _blocks(infile):
                        if not _plain_block(block):
                            raise _NotFast
                        try:
                            table = pacsv.read_csv(
                                pa.py_buffer(block),
                                read_options=read_options,
                                parse_options=parse_options,
                                convert_options=convert_options,
                            )
                        except (pa.ArrowInvalid, pa.ArrowTypeError):
                            raise _NotFast from None  # ragged rows, bytes that are not UTF-8
                        rows = table.num_rows
                        numbers = np.arange(number + 1, number + 1 + rows)
                        number += rows
                        arrays = [table.column(i).combine_chunks() for i in range(width)]
                        # A line of empty cells (",,,,") carries no child; its number counts.
                        empty = pc.equal(pc.binary_length(arrays[0]), 0)
                        for array in arrays[1:]:
                            empty = pc.and_(empty, pc.equal(pc.binary_length(array), 0))
                        if pc.any(empty).as_py():
                            keep = pc.invert(empty)
                            arrays = [array.filter(keep) for array in arrays]
                            numbers = numbers[~empty.to_numpy(zero_copy_only=False)]
                        size = options["chunk_size"]
                        for start in range(0, len(numbers), size):
                            part = [array.slice(start, size) for array in arrays]
                            chunk = Chunk([], numbers[start : start + size], part)
                            total += len(chunk.numbers)
                            result = self._score(chunk, columns)
                            groups = {name: _arrow_texts(part[i]) for name, i in by_index.items()}
                            counter.add(result, groups)
                            cells: list[Any] = [
                                array if i in chunk.plain_columns else _neutralise_arrow(array)
                                for i, array in enumerate(part)
                            ]
                            cells += [None] * (len(out_header) - width)
                            for pos, value in zip(
                                positions, self._result_arrays(result), strict=True
                            ):
                                cells[pos] = value
                            # No cell can need quoting here (no quote in the file, and the
                            # delimiter only between cells), so pyarrow writes the lines
                            # exactly as csv.writer would; "none" raises rather than quote.
                            try:
                                pacsv.write_csv(
                                    pa.table(cells, names=out_names), outfile, write_options
                                )
                            except pa.ArrowInvalid:
                                raise _NotFast from None
                            self._report(chunk)
            except BaseException:
                os.unlink(tmp_path)
                self._sink = None
                raise
        os.replace(tmp_path, target)
        sink, self._sink = self._sink, None
        for line in sink:
            self.stderr.write(line)
        return total

    @staticmethod
    def _result_arrays(result: GrowthResult) -> list[Any]:
        """The result columns as pyarrow string arrays, the same text as ``_result_columns``."""
        out = [_format2_arrow(result.clenhei), _format2_arrow(result.cbmi)]
        for ind in INDICATORS:
            out.append(_format2_arrow(result.z[ind]))
            out.append(_format_flag_arrow(result.flags[ind]))
        for ind in CATEGORY_CODES:
            out.append(_labels_arrow(ind, result.category_index[ind]))
        return out

    def _chunks(self, reader: Iterator[list[str]], width: int, size: int) -> Iterator[Chunk]:
        rows: list[list[str]] = []
        numbers: list[int] = []
        long_rows: list[int] = []
        number = 1  # the header is row 1 in the user's spreadsheet
        for row in reader:
            number += 1
            # any() on the cells themselves runs in C: this loop is the hot path of the command.
            if not any(row):
                continue  # a blank line carries no child; its row number still counts
            length = len(row)
            if length == width:
                pass
            elif length < width:
                row.extend([""] * (width - length))
            else:
                if any(cell.strip() for cell in row[width:]):
                    long_rows.append(len(numbers))
                del row[width:]
            rows.append(row)
            numbers.append(number)
            if len(rows) >= size:
                yield self._with_long_rows(Chunk(rows, numbers), long_rows, width)
                rows, numbers, long_rows = [], [], []
        if rows:
            yield self._with_long_rows(Chunk(rows, numbers), long_rows, width)

    @staticmethod
    def _with_long_rows(chunk: Chunk, long_rows: list[int], width: int) -> Chunk:
        chunk.unreadable.extend(long_rows)
        for i in long_rows:
            chunk.errors.append(
                (
                    chunk.numbers[i],
                    f"baris berisi lebih banyak kolom daripada judul ({width}); "
                    "sel tambahan dibuang",
                )
            )
        return chunk

    # ----------------------------------------------------------------------------------------

    def _score(self, chunk: Chunk, columns: dict[str, Any]) -> GrowthResult:
        n = len(chunk.numbers)
        bad = np.zeros(n, dtype=bool)
        bad[chunk.unreadable] = True

        def cells(name: str) -> Any:
            """The column's cells: a list of str, or on the fast path a pyarrow string array."""
            index = columns.get(name)
            if index is None:
                return None
            if chunk.arrays is not None:
                return chunk.arrays[index]
            return [row[index] for row in chunk.rows]

        def texts(name: str) -> Sequence[str] | None:
            raw = cells(name)
            return _arrow_texts(raw) if raw is not None and chunk.arrays is not None else raw

        numbers: dict[str, npt.NDArray[np.float64] | None] = {}
        for name in NUMBER_COLUMNS:
            raw = cells(name)
            if raw is None:
                numbers[name] = None
                continue
            if chunk.arrays is not None:
                values, invalid, cells_read = _parse_numbers_arrow(raw)
                if cells_read is raw:  # pyarrow's cast read every cell: all plain numbers
                    chunk.plain_columns.add(columns[name])
                raw = cells_read
            else:
                values, invalid = _parse_numbers(raw)
            for i in invalid:
                chunk.errors.append(
                    (chunk.numbers[i], f"kolom {name} berisi '{_show(raw[i])}', bukan angka")
                )
            bad[invalid] = True
            numbers[name] = values

        sex = texts("sex")
        assert sex is not None
        sex_norm = _normalise_tokens(sex)
        sex_ok = np.isin(sex_norm, list(SEX_TOKENS))
        for i in np.flatnonzero(~sex_ok):
            reason = (
                "kolom sex kosong"
                if not sex[i].strip()
                else f"kolom sex berisi '{_show(sex[i])}', bukan 1/m (laki-laki) atau "
                "2/f (perempuan)"
            )
            chunk.errors.append((chunk.numbers[i], reason))
        bad |= ~sex_ok

        measure = texts("measure")
        oedema = texts("oedema")
        result = compute(
            sex_norm,
            numbers["age_days"],
            age_months=numbers["age_months"],
            weight=numbers["weight"],
            lenhei=numbers["lenhei"],
            measure=measure,
            headc=numbers["headc"],
            armc=numbers["armc"],
            oedema=oedema,
        )
        self._warn(chunk, result, measure, oedema, bad)
        _blank_rows(result, bad)
        chunk.errors.sort()
        return result

    def _warn(
        self,
        chunk: Chunk,
        result: GrowthResult,
        measure: Sequence[str] | None,
        oedema: Sequence[str] | None,
        bad: npt.NDArray[np.bool_],
    ) -> None:
        """Readable rows that still deserve a second look (computed, but the user is told)."""
        age = result.age_days
        months = result.months
        # WHO's scope is the UNROUNDED age under 60 months: 60.0 months rounds to day 1826
        # but is out, so the test is on the months, and the message shows them to 2 decimals.
        out_of_range = ~bad & ~np.isnan(age) & ~result.in_age_scope
        if self.reported >= self.report_limit:
            # Every line of this chunk would be past --report-limit: count, do not format.
            count = int(out_of_range.sum()) + int((~bad & result.position_warning).sum())
            if measure is not None:
                count += int((~bad & ~np.isin(_normalise_tokens(measure), _MEASURE_OK)).sum())
            if oedema is not None:
                count += int((~bad & ~np.isin(_normalise_tokens(oedema), _OEDEMA_OK)).sum())
            chunk.unwritten_warnings = count
            return
        for i in np.flatnonzero(out_of_range):
            chunk.warnings.append(
                (
                    chunk.numbers[i],
                    f"umur {age[i]:.0f} hari ({f'{months[i]:.2f}'.replace('.', ',')} bulan) "
                    "di luar standar WHO (0 sampai di bawah 60 bulan); z-score dikosongkan",
                )
            )
        for i in np.flatnonzero(~bad & result.position_warning):
            chunk.warnings.append(
                (
                    chunk.numbers[i],
                    "posisi berdiri (h) pada umur di bawah 9 bulan; dianggap tidak diketahui "
                    "(tanpa koreksi 0,7 cm), mohon diperiksa",
                )
            )
        if measure is not None:
            norm = _normalise_tokens(measure)
            odd = ~bad & ~np.isin(norm, _MEASURE_OK)
            for i in np.flatnonzero(odd):
                chunk.warnings.append(
                    (
                        chunk.numbers[i],
                        f"kolom measure berisi '{_show(measure[i])}', bukan l (terlentang) "
                        "atau h (berdiri); posisi dianggap tidak diketahui",
                    )
                )
        if oedema is not None:
            norm = _normalise_tokens(oedema)
            odd = ~bad & ~np.isin(norm, _OEDEMA_OK)
            for i in np.flatnonzero(odd):
                chunk.warnings.append(
                    (
                        chunk.numbers[i],
                        f"kolom oedema berisi '{_show(oedema[i])}', bukan y atau n; "
                        "dianggap tanpa edema",
                    )
                )
        chunk.warnings.sort()

    @staticmethod
    def _result_columns(result: GrowthResult) -> list[list[str]]:
        out = [_format2(result.clenhei), _format2(result.cbmi)]
        for ind in INDICATORS:
            out.append(_format2(result.z[ind]))
            out.append(_format_flag(result.flags[ind]))
        for ind in CATEGORY_CODES:
            out.append(result.labels(ind).tolist())
        return out

    # ----------------------------------------------------------------------------------------

    def _report(self, chunk: Chunk) -> None:
        problem_rows = {number for number, _ in chunk.errors}
        self.error_rows += len(problem_rows)
        self.warning_count += len(chunk.warnings) + chunk.unwritten_warnings
        self.reported += chunk.unwritten_warnings
        lines = [(n, f"baris {n}: {msg}") for n, msg in chunk.errors]
        lines += [(n, f"baris {n}: peringatan: {msg}") for n, msg in chunk.warnings]
        lines.sort(key=lambda item: item[0])
        for _, line in lines:
            if self.reported < self.report_limit:
                if self._sink is not None:
                    self._sink.append(line)  # the fast path may still restart: hold the report
                else:
                    self.stderr.write(line)
            self.reported += 1

    def _finish_report(self, total: int, target: str) -> None:
        hidden = self.reported - self.report_limit
        if hidden > 0:
            self.stderr.write(f"... dan {hidden} pesan lain tidak ditampilkan (--report-limit).")
        where = "stdout" if target == "-" else target
        summary = f"{total} baris data diproses, hasil ditulis ke {where}."
        if self.error_rows:
            summary += (
                f" {self.error_rows} baris tidak dapat dibaca; hasilnya dikosongkan, "
                "baris lain tetap dihitung."
            )
        if self.warning_count:
            summary += f" {self.warning_count} peringatan."
        self.stderr.write(summary)

    @staticmethod
    def _summary_text(rows: list[PrevalenceRow]) -> str:
        lines = [
            "Prevalensi (nilai dengan flag dikecualikan; anak dengan edema dihitung < -3 SD "
            "untuk BB/U dan BB/PB-BB/TB; IK 95% Wilson, dengan asumsi sampel acak sederhana)",
            "",
        ]
        head = f"{'kelompok':<28} {'n':>6} {'N':>7} {'%':>6}  IK 95%"
        current = None
        for row in rows:
            if row.indicator != current:
                current = row.indicator
                lines += ["", INDICATOR_NAMES_ID[row.indicator], head]
            group = GROUP_NAMES_ID.get(row.group, row.group)
            value = VALUE_NAMES_ID.get(row.value, row.value)
            label = "semua" if row.group == "all" else f"{group}: {value}"
            if row.percent is None:
                figures = f"{'-':>6}  -"
            else:
                figures = f"{row.percent:6.1f}  {row.ci_low:.1f}-{row.ci_high:.1f}"
            lines.append(f"{label:<28} {row.count:>6} {row.denominator:>7} {figures}")
        return "\n".join(lines) + "\n"

    @staticmethod
    def _write_summary_csv(rows: list[PrevalenceRow], path: str) -> None:
        fields = ["indicator", "group", "value", "count", "denominator"]
        fields += ["percent", "ci_low", "ci_high"]
        # surrogateescape: a --by value holding undecodable bytes goes out as it came in.
        with open(path, "w", encoding="utf-8", errors="surrogateescape", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(fields)
            for row in rows:
                data = row.as_dict()
                # A group value comes from the user's --by column: it may look like a formula.
                writer.writerow(
                    ["" if data[f] is None else safe_csv_text(_cell(data[f])) for f in fields]
                )


class _Lines:
    """A stream whose ``write`` ends each message with a newline, as Django's OutputWrapper."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> None:
        self.stream.write(text if text.endswith("\n") else text + "\n")


# How a cell that starts like a formula appears in the \x00-joined text of a chunk.
_FORMULA_MARKS = tuple("\x00" + c for c in FORMULA_STARTS)


def _neutralise_formulas(rows: list[list[str]]) -> None:
    """Prefix an apostrophe to the input cells a spreadsheet would run as formulas.

    Called on the rows as read, before the result columns are added.  A plain number such as
    "-1.5" is never touched (tikar.exports.is_formula_like).  The whole chunk is joined once
    and searched in C; only when some cell starts with = + - @ tab or CR are the cells looked
    at one by one, so an ordinary survey file pays one join per row.
    """
    text = "\x00" + "\x00".join(["\x00".join(row) for row in rows])
    if not any(mark in text for mark in _FORMULA_MARKS):
        return
    for row in rows:
        for i, cell in enumerate(row):
            if cell[:1] in _STARTS and is_formula_like(cell):
                row[i] = "'" + cell


_STARTS = frozenset(FORMULA_STARTS)


def _cell(value: object) -> str:
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def _normalise_tokens(values: list[str]) -> npt.NDArray[np.str_]:
    """Lower-cased, stripped text codes; '1.0' becomes '1' (a spreadsheet's number format)."""
    arr = np.array(values, dtype=str)
    if arr.dtype.itemsize == 4 and arr.size:
        # One-character codes (l/h, y/n, 1/2): the distinct values from a count by code point,
        # O(n), where np.unique would sort a million strings.  The same result.
        points = arr.view(np.uint32)
        present = np.flatnonzero(np.bincount(points))
        keys = ["" if p == 0 else chr(p) for p in present.tolist()]
        position = np.zeros(int(present[-1]) + 1, dtype=np.int64)
        position[present] = np.arange(len(present))
        uniques, inverse = np.array(keys, dtype=str), position[points]
    else:
        uniques, inverse = np.unique(arr, return_inverse=True)
    cleaned = []
    for value in uniques.tolist():
        key = value.strip().lower()
        if key.endswith(".0") and key[:-2].isdigit():
            key = key[:-2]
        cleaned.append(key)
    return np.array(cleaned, dtype=str)[inverse.reshape(-1)] if cleaned else arr


def _parse_numbers(values: list[str]) -> tuple[npt.NDArray[np.float64], list[int]]:
    """Parse a column of cells; returns the numbers (NaN = missing) and the unreadable rows."""
    arr = np.array(values, dtype=str)
    missing = np.isin(np.char.strip(arr), MISSING_TOKENS) if arr.size else np.zeros(0, bool)
    arr[missing] = "nan"
    try:
        numbers = arr.astype(np.float64)
        # 'inf' parses, but is no measurement; fall through to the careful path to report it.
        if np.isinf(numbers).any():
            raise ValueError
        return numbers, []
    except ValueError:
        pass
    numbers = np.full(arr.shape, np.nan)
    invalid: list[int] = []
    for i, text in enumerate(values):
        if missing[i]:
            continue
        value = _parse_one(text.strip())
        if value is None:
            invalid.append(i)
        else:
            numbers[i] = value
    return numbers, invalid


def _parse_one(text: str) -> float | None:
    candidates = [text]
    # A decimal comma ("10,5") is how Indonesian spreadsheets write numbers.
    if text.count(",") == 1 and "." not in text:
        candidates.append(text.replace(",", "."))
    for candidate in candidates:
        try:
            value = float(candidate)
        except ValueError:
            continue
        if np.isfinite(value):
            return value
    return None


def _blank_rows(result: GrowthResult, rows: npt.NDArray[np.bool_]) -> None:
    """Empty every result of unreadable rows, and keep them out of the prevalence."""
    if not rows.any():
        return
    result.sex[rows] = 0
    result.oedema[rows] = False
    result.clenhei[rows] = np.nan
    result.cbmi[rows] = np.nan
    for ind in INDICATORS:
        result.z[ind][rows] = np.nan
        result.z_unrounded[ind][rows] = np.nan
        result.flags[ind][rows] = np.nan
        if ind in result.category_index:
            result.category_index[ind][rows] = -1


# --------------------------------------------------------------------------------------------
# The columnar (pyarrow) path
# --------------------------------------------------------------------------------------------

# Bytes of the input parsed at once: bounds memory (input block, its arrays and its output
# lines: about 10x this) whatever the file's size, and is big enough that per-block costs vanish.
_BLOCK_BYTES = 1 << 23


@contextmanager
def _fast_memory_pool() -> Iterator[None]:
    """pyarrow's jemalloc pool for the run, unless ARROW_DEFAULT_MEMORY_POOL chooses one.

    Every block allocates and frees some hundred MiB of arrays; the bundled default
    (mimalloc) hands much of it back to the system and takes page faults to get it again,
    which measured ~10% more CPU on the 1M-row benchmark.  Buffers remember their own pool,
    so restoring the default afterwards is safe; a pyarrow built without jemalloc keeps its
    default.
    """
    previous = pa.default_memory_pool()
    if "ARROW_DEFAULT_MEMORY_POOL" not in os.environ:
        with suppress(NotImplementedError, pa.ArrowNotImplementedError):
            pa.set_memory_pool(pa.jemalloc_memory_pool())
    try:
        yield
    finally:
        pa.set_memory_pool(previous)


class _NotFast(Exception):
    """The file holds something only the row-by-row path reproduces exactly."""


def _is_xlsx(path: str) -> bool:
    return path.lower().endswith(".xlsx")


def _blocks(infile: io.BufferedReader) -> Iterator[bytes]:
    """The rest of the file in blocks of whole lines (the last one may lack its newline)."""
    rest = b""
    while True:
        data = infile.read(_BLOCK_BYTES)
        if not data:
            if rest:
                yield rest
            return
        data = rest + data
        cut = data.rfind(b"\n") + 1
        if cut == 0:
            rest = data
            continue
        rest = data[cut:]
        yield data[:cut]


def _plain_block(block: bytes) -> bool:
    """True if pyarrow (no quoting, empty lines kept) reads ``block`` as the csv module does.

    A quote may open a quoted cell; a lone CR ends a line for the csv module; a NUL is dropped
    by numpy's str arrays.  All are searched in C over the whole block.  (Blank lines need no
    search: with ``ignore_empty_lines=False`` pyarrow gives them as rows of empty cells.)
    """
    if b'"' in block or b"\x00" in block:
        return False
    return b"\r" not in block or block.count(b"\r") == block.count(b"\r\n")


def _arrow_texts(array: Any) -> npt.NDArray[np.str_]:
    """A pyarrow string array as the numpy str array ``np.asarray(list_of_cells)`` would give.

    Built from the distinct values: a column of sex or l/h holds two or three.
    """
    encoded = pc.dictionary_encode(array)
    uniques = encoded.dictionary.to_pylist()
    indices = encoded.indices.to_numpy(zero_copy_only=False)
    return np.array(uniques if uniques else [""], dtype=str)[indices]


def _parse_numbers_arrow(
    array: Any,
) -> tuple[npt.NDArray[np.float64], list[int], Any]:
    """``_parse_numbers`` for a pyarrow string array: (numbers, unreadable rows, cells).

    pyarrow's cast parses the plain numbers to the same correctly rounded doubles; a column
    with anything else (spaces, a decimal comma, 'inf', text) goes through ``_parse_numbers``
    itself, so its values and messages are the row-by-row path's.
    """
    try:
        # Most columns hold no empty cell at all: one cast, without the token lookup.  (A
        # 'nan' or 'inf' parses here but is not finite, so it goes on to the lookup below.)
        numbers = pc.cast(array, pa.float64()).to_numpy(zero_copy_only=False)
        if np.isfinite(numbers).all():
            return numbers, [], array
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        pass  # an empty cell (or text): stops at the first one
    missing = pc.is_in(array, value_set=_MISSING_ARROW)
    try:
        cast = pc.cast(pc.if_else(missing, None, array), pa.float64())
        numbers = cast.to_numpy(zero_copy_only=False)
        if np.isfinite(numbers).sum() == len(numbers) - cast.null_count:
            return numbers, [], array
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        pass
    cells = array.to_pylist()
    numbers, invalid = _parse_numbers(cells)
    return numbers, invalid, cells


# An ASCII plain number (tikar.exports._PLAIN_NUMBER): never a formula.  Cells that start like a
# formula and do not match this go to tikar.exports.is_formula_like one by one.
_PLAIN_NUMBER_RE2 = r"^[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)([eE][+-]?[0-9]+)?$"


def _neutralise_arrow(array: Any) -> Any:
    """``_neutralise_formulas`` for one pyarrow string column.

    The first byte of every cell is read straight from the array's buffers: all the formula
    starts are ASCII, and in UTF-8 no other character begins with an ASCII byte.
    """
    _, offsets, data = array.buffers()
    bounds = np.frombuffer(offsets, dtype=np.int32)[array.offset : array.offset + len(array) + 1]
    raw = np.frombuffer(data, dtype=np.uint8) if data is not None else np.zeros(0, np.uint8)
    filled = bounds[1:] > bounds[:-1]
    first = np.zeros(len(array), dtype=np.uint8)
    first[filled] = raw[bounds[:-1][filled]]
    suspect_np = np.isin(first, _FORMULA_START_BYTES)
    if not suspect_np.any():
        return array
    suspect = pa.array(suspect_np)
    suspect = pc.and_(suspect, pc.invert(pc.match_substring_regex(array, _PLAIN_NUMBER_RE2)))
    where = np.flatnonzero(suspect.to_numpy(zero_copy_only=False))
    if where.size == 0:
        return array
    cells = array.take(pa.array(where)).to_pylist()
    fixed = ["'" + cell if is_formula_like(cell) else cell for cell in cells]
    return pc.replace_with_mask(array, suspect, pa.array(fixed, pa.string()))


def _format2_arrow(values: npt.NDArray[np.float64]) -> Any:
    """``_format2`` as a pyarrow string array (one gather from the same lookup table)."""
    lookup = _fixed2_arrow()
    with np.errstate(invalid="ignore"):
        hundredths = np.rint(values * 100.0)
        inside = np.abs(hundredths) <= 100_000
    nan = np.isnan(values)
    index = np.where(inside, hundredths, 0).astype(np.int64) + 100_000
    index[nan] = len(lookup) - 1  # the trailing ""
    out = lookup.take(pa.array(index))
    outside = ~inside & ~nan
    if outside.any():
        fixed = [f"{v:.2f}" for v in values[outside]]
        out = pc.replace_with_mask(out, pa.array(outside), pa.array(fixed, pa.string()))
    return out


@cache
def _fixed2_arrow() -> Any:
    """``_fixed2_lookup`` as a pyarrow string array, plus a trailing "" (for NaN).

    Built column-wise (the digits of |k| padded to three, a point before the last two, a
    minus for k < 0): the same strings as f"{k / 100:.2f}" (k / 100 is within 1e-13 of the
    decimal, so formatting to 2 places gives k back), in a few ms instead of 200,001 calls.
    """
    k = np.arange(-100_000, 100_001, dtype=np.int64)
    digits = pc.utf8_lpad(pc.cast(pa.array(np.abs(k)), pa.string()), 3, "0")
    text = pc.binary_join_element_wise(
        pc.utf8_slice_codeunits(digits, 0, -2), pc.utf8_slice_codeunits(digits, -2), "."
    )
    signed = pc.if_else(pa.array(k < 0), pc.binary_join_element_wise("-", text, ""), text)
    return pa.concat_arrays([signed, pa.array([""], pa.string())])


_FLAG_ARROW = pa.array(["", "0", "1"], pa.string())


def _format_flag_arrow(values: npt.NDArray[np.float64]) -> Any:
    index = np.where(np.isnan(values), 0, values + 1).astype(np.int64)
    return _FLAG_ARROW.take(pa.array(index))


@cache
def _label_lookup(indicator: str) -> Any:
    names = CATEGORY_LABELS[indicator]
    return pa.array([*(names[c] for c in CATEGORY_CODES[indicator]), ""], pa.string())


def _labels_arrow(indicator: str, index: npt.NDArray[np.int8]) -> Any:
    """``GrowthResult.labels`` as a pyarrow string array (-1, no z, is the trailing '')."""
    lookup = _label_lookup(indicator)
    return lookup.take(pa.array(np.where(index < 0, len(lookup) - 1, index).astype(np.int64)))


_MISSING_ARROW = pa.array(MISSING_TOKENS, pa.string())
_FORMULA_START_BYTES = np.array([ord(c) for c in FORMULA_STARTS], dtype=np.uint8)


# --------------------------------------------------------------------------------------------
# Workbooks (.xlsx): streamed with openpyxl's read-only and write-only modes
# --------------------------------------------------------------------------------------------

# The result columns written to a workbook as numbers (an empty cell where there is none), so
# that a spreadsheet can sort and chart them; every other cell is the CSV's text.
_NUMERIC_RESULTS = frozenset(RESULT_COLUMNS) - {f"cat_{ind}" for ind in CATEGORY_CODES}


def _xlsx_text(value: object) -> str:
    """A workbook cell as the text a CSV export of it holds: 683 and 683.0 are '683'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        text = repr(value)
        return text[:-2] if text.endswith(".0") else text
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


class _XlsxRows:
    """The first sheet of a workbook, row by row as lists of text (openpyxl read-only mode:
    one row in memory at a time).  Raises ``BatchError`` for a file that is no workbook."""

    def __init__(self, path: str) -> None:
        import zipfile

        from openpyxl import load_workbook

        try:
            self.book = load_workbook(path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
            if isinstance(error, OSError) and error.errno is not None:
                raise
            raise BatchError(
                f"Berkas {path} bukan buku kerja Excel (.xlsx) yang dapat dibaca. Simpan ulang "
                "dari Excel sebagai .xlsx, atau sebagai CSV."
            ) from None
        self._rows = self.book.worksheets[0].iter_rows(values_only=True)
        first = next(self._rows, ())
        header = [_xlsx_text(value) for value in first]
        while header and not header[-1].strip():
            header.pop()  # a sheet's used range often runs past the last named column
        self.header = header

    def rows(self) -> Iterator[list[str]]:
        for row in self._rows:
            yield [_xlsx_text(value) for value in row]

    def close(self) -> None:
        self.book.close()


class _XlsxWriter:
    """``csv.writer``'s writerow/writerows onto one sheet (openpyxl write-only mode: rows go to
    a temporary file as they come, so memory stays bounded)."""

    def __init__(self, path: str) -> None:
        from openpyxl import Workbook

        self.path = path
        self.book = Workbook(write_only=True)
        self.sheet = self.book.create_sheet("zscore")
        self.numeric: list[int] = []

    def writerow(self, row: list[str]) -> None:
        if not self.numeric:  # the header
            self.numeric = [i for i, name in enumerate(row) if name in _NUMERIC_RESULTS]
            self.sheet.append(row)
            return
        cells: list[object] = [cell if cell != "" else None for cell in row]
        for i in self.numeric:
            if cells[i] is not None:
                cells[i] = float(row[i])
        self.sheet.append(cells)

    def writerows(self, rows: list[list[str]]) -> None:
        for row in rows:
            self.writerow(row)

    def save(self) -> None:
        self.book.save(self.path)


# --------------------------------------------------------------------------------------------
# The console script
# --------------------------------------------------------------------------------------------

# argparse's own English words, in Bahasa Indonesia.
_HELP_WORDS = (
    ("usage:", "cara pakai:"),
    ("positional arguments:", "argumen:"),
    ("options:", "pilihan:"),
    ("optional arguments:", "pilihan:"),
)


class _IndonesianParser(argparse.ArgumentParser):
    def format_help(self) -> str:
        text = super().format_help()
        for english, indonesian in _HELP_WORDS:
            text = text.replace(english, indonesian)
        return text

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "cara pakai:")

    def error(self, message: str) -> Any:
        if "the following arguments are required" in message:
            message = "berkas masukan belum disebut (contoh: tikar-zscore survei.csv -o hasil.csv)"
        elif "invalid int value" in message:
            message = "nilai " + message.split(":", 1)[0] + " harus bilangan bulat"
        elif "unrecognized arguments" in message:
            message = "pilihan tidak dikenal:" + message.split(":", 1)[1]
        elif "expected one argument" in message:
            message = message.split(":", 1)[0] + " perlu satu nilai"
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: kesalahan: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _IndonesianParser(
        prog=PROGRAM,
        description=DESCRIPTION,
        add_help=False,
        epilog=(
            "Kolom masukan (huruf besar/kecil tidak dibedakan): sex, age_days atau age_months, "
            "weight, lenhei, measure, headc, armc, oedema. Hasil memakai konvensi WHO Anthro "
            "(nama kolom Inggris, desimal titik) agar dapat dibaca perangkat lunak lain."
        ),
    )
    parser.add_argument("-h", "--help", action="help", help="Tampilkan bantuan ini lalu keluar.")
    add_arguments(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``tikar-zscore``: 0 when the file was processed, 1 when it could not be
    (the reason on stderr, in Bahasa Indonesia), 2 for a wrong command line."""
    options = vars(build_parser().parse_args(argv))
    try:
        ZscoreBatch(sys.stdout, sys.stderr).run(**options)
    except BatchError as error:
        sys.stderr.write(f"{PROGRAM}: kesalahan: {error}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write(f"{PROGRAM}: dihentikan.\n")
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
