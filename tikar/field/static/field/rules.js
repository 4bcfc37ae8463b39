// Tikar field app: the server's validation rules, run on the phone before saving (offline.md 7).
//
// One source of truth: the limits, windows, cohort months, NIK shape, field types and the
// server's translated messages come from /lapangan/data/rules.json (tikar/field/checks.py),
// built from the Python constants. The sentences of the pure Python rules
// (tikar/monitoring/rules.py, tikar/households/nik.py) are mirrored here word for word;
// tikar/field/tests/test_shared_validation_agreement.py runs a table of good and bad inputs
// through this module in Chromium and through the server, and fails on any difference.
//
// The server refuses in stages, and so does checkRecord: first the fields' types and limits
// (the API serializer), then the rules of the record (the model's clean(), the cohort of the
// form, record_month's validation). Only the first failing stage's errors are returned, as the
// server answers.
//
// Dates are "YYYY-MM-DD" strings; months "YYYY-MM-01". No Date objects leak out: every
// calculation is on calendar days (UTC), so the phone's time zone never moves a date.

let R = null;
let KECAMATAN = null;

/** Keep the rules (the parsed rules.json) for every later call; returns them. */
export function loadRules(json) {
  R = json;
  KECAMATAN = new Set();
  for (const [prefix, tails] of Object.entries(json.nik.kecamatan)) {
    for (let i = 0; i < tails.length; i += 2) KECAMATAN.add(prefix + tails.slice(i, i + 2));
  }
  return R;
}

function rulesLoaded() {
  if (!R) throw new Error("rules.js: loadRules(json) first");
  return R;
}

// ------------------------------------------------------------------------------------------
// Calendar (mirrors tikar/monitoring/rules.py and tikar/scorecard/evaluate.py)

/** {y, m, d} of a "YYYY-MM-DD" (or "YYYY-M-D") string, or null when it is no real date. */
export function parseDate(text) {
  if (typeof text !== "string") return null;
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

function asDate(value) {
  if (value === null || value === undefined || value === "") return null;
  return typeof value === "string" ? parseDate(value) : value;
}

function daysInMonth(y, m) {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function dayNumber(d) {
  return Date.UTC(d.y, d.m - 1, d.d) / 86400000;
}

function fromDayNumber(n) {
  const t = new Date(n * 86400000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function cmp(a, b) {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

function plusDays(d, n) {
  return fromDayNumber(dayNumber(d) + n);
}

/** "2026-11-01" of a date. */
export function iso(d) {
  const p = (n, w) => String(n).padStart(w, "0");
  return `${p(d.y, 4)}-${p(d.m, 2)}-${p(d.d, 2)}`;
}

function firstOf(d) {
  return { y: d.y, m: d.m, d: 1 };
}

/** `day` moved by whole calendar months (negative: back), clamped to the month's end. */
export function addMonths(day, months) {
  day = asDate(day);
  const index = day.y * 12 + day.m - 1 + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return { y, m, d: Math.min(day.d, daysInMonth(y, m)) };
}

export function monthEnd(month) {
  month = asDate(month);
  return { y: month.y, m: month.m, d: daysInMonth(month.y, month.m) };
}

/** Complete months from birth to `on` (negative before birth), scorecard.evaluate's way. */
export function ageInMonths(birth, on) {
  birth = asDate(birth);
  on = asDate(on);
  const months = (on.y - birth.y) * 12 + on.m - birth.m;
  return on.d < birth.d ? months - 1 : months;
}

/** THE age of a child on `day`: {months, days}; 0/0 before birth (rules.age_on). */
export function ageOn(birth, day) {
  birth = asDate(birth);
  day = asDate(day);
  if (cmp(day, birth) < 0) day = birth;
  return { months: ageInMonths(birth, day), days: dayNumber(day) - dayNumber(birth) };
}

/** The day a monthly record's age is counted on (rules.age_reference_day). */
export function ageReferenceDay(month, today, visitDate = null) {
  if (visitDate) return visitDate;
  month = asDate(month);
  today = asDate(today);
  if (cmp(month, firstOf(today)) === 0) return iso(today);
  return iso(monthEnd(month));
}

/** "Maret 2026" */
export function monthLabel(month) {
  month = asDate(month);
  return `${rulesLoaded().months[month.m - 1]} ${month.y}`;
}

/** "5 Maret 2026" */
export function dayLabel(day) {
  day = asDate(day);
  return `${day.d} ${rulesLoaded().months[day.m - 1]} ${day.y}`;
}

function ddmmyy(d) {
  const p = (n) => String(n).padStart(2, "0");
  return `${p(d.d)}-${p(d.m)}-${p(d.y % 100)}`;
}

/** Python's "%g" with a decimal comma: 0.4 → "0,4", 30.0 → "30" (rules._g). */
export function shortNumber(value) {
  return String(Number(Number(value).toPrecision(6))).replace(".", ",");
}

// ------------------------------------------------------------------------------------------
// Problems: {code, message, field, severity}

const ERROR = "error";
const WARNING = "warning";

function problem(code, message, field, severity = ERROR) {
  return { code, message, field, severity };
}

// ------------------------------------------------------------------------------------------
// Dates and ranges (rules.py)

function checkNotFuture(value, today, field) {
  value = asDate(value);
  if (!value || cmp(value, today) <= 0) return [];
  const label = rulesLoaded().field_labels[field] || "Tanggal";
  return [
    problem(
      "future_date",
      `${label} (${dayLabel(value)}) belum terjadi: tanggal tidak boleh sesudah hari ini ` +
        `(${dayLabel(today)}).`,
      field,
    ),
  ];
}

function checkMonthKey(month, today) {
  if (!month) return [problem("month_missing", "Pilih bulan pemantauan.", "month")];
  if (month.d !== 1) {
    return [
      problem("month_not_first", "Bulan pemantauan disimpan sebagai tanggal 1 bulan itu.", "month"),
    ];
  }
  if (cmp(month, today) > 0) {
    return [
      problem(
        "future_month",
        `Bulan ${monthLabel(month)} belum tiba: pemantauan hanya untuk bulan ini atau ` +
          "bulan yang sudah lewat.",
        "month",
      ),
    ];
  }
  return [];
}

function checkVisitInMonth(visit, month) {
  if (!visit || !month) return [];
  if (visit.y === month.y && visit.m === month.m) return [];
  return [
    problem(
      "visit_outside_month",
      `Tanggal kunjungan ${dayLabel(visit)} tidak di bulan ${monthLabel(month)}. ` +
        `Isi tanggal di bulan ${monthLabel(month)}, atau simpan di bulan ` +
        `${monthLabel(firstOf(visit))}.`,
      "visit_date",
    ),
  ];
}

function checkGestationMonth(value, field = "gestation_month") {
  const [lo, hi] = rulesLoaded().gestation_months;
  if (value === null || value === undefined || (lo <= value && value <= hi)) return [];
  return [
    problem(
      "gestation_month_range",
      `Usia kehamilan harus ${lo} sampai ${hi} bulan; yang diisi ${value}.`,
      field,
    ),
  ];
}

function checkPostnatalChecks(value) {
  const [lo, hi] = rulesLoaded().postnatal_checks;
  if (value === null || value === undefined || (lo <= value && value <= hi)) return [];
  return [
    problem(
      "postnatal_checks_range",
      `Jumlah pemeriksaan nifas bulan ini harus ${lo} sampai ${hi}; yang diisi ${value}.`,
      "postnatal_checks",
    ),
  ];
}

function checkPositive(value, field, label) {
  if (value === null || value === undefined || value > 0) return [];
  return [problem(`${field}_not_positive`, `${label} harus lebih dari 0.`, field)];
}

function checkMeasurementHasDate(visit, weight, length) {
  if (!visit && (weight != null || length != null)) {
    return [
      problem(
        "measurement_without_date",
        "Isi tanggal penimbangan/pengukuran: umur anak dihitung dari tanggal itu.",
        "visit_date",
      ),
    ];
  }
  return [];
}

function outOfRange(value, earliest, latest, field, what) {
  if (earliest && cmp(value, earliest) < 0) {
    return [
      problem(
        `${field}_too_early`,
        `${what} ${dayLabel(value)} terlalu lama: paling awal ${dayLabel(earliest)}. ` +
          "Periksa tahunnya.",
        field,
      ),
    ];
  }
  if (latest && cmp(value, latest) > 0) {
    return [
      problem(
        `${field}_too_late`,
        `${what} ${dayLabel(value)} terlalu jauh: paling lambat ${dayLabel(latest)}. ` +
          "Periksa tahunnya.",
        field,
      ),
    ];
  }
  return [];
}

function checkChildBirthDate(value, today) {
  if (!value) return [];
  const earliest = plusDays(addMonths(today, -rulesLoaded().child_max_age_months), 1);
  return outOfRange(value, earliest, today, "birth_date", "Tanggal lahir anak");
}

function checkMotherBirthDate(value, today) {
  if (!value) return [];
  const [youngest, oldest] = rulesLoaded().mother_age_years;
  const earliest = addMonths(today, -12 * oldest);
  const latest = addMonths(today, -12 * youngest);
  return outOfRange(value, earliest, latest, "birth_date", "Tanggal lahir ibu");
}

function checkDueDate(value, today) {
  if (!value) return [];
  const earliest = addMonths(today, -12 * rulesLoaded().past_years);
  const latest = addMonths(today, rulesLoaded().due_date_max_ahead_months);
  return outOfRange(value, earliest, latest, "due_date", "HPL (hari perkiraan lahir)");
}

function checkDeliveryDate(value, today) {
  if (!value) return [];
  const earliest = addMonths(today, -12 * rulesLoaded().past_years);
  return outOfRange(value, earliest, null, "delivery_date", "Tanggal melahirkan");
}

function checkMonthNotTooOld(month, today) {
  if (!month) return [];
  const earliest = firstOf(addMonths(today, -12 * rulesLoaded().past_years));
  if (cmp(month, earliest) >= 0) return [];
  return [
    problem(
      "month_too_early",
      `Bulan ${monthLabel(month)} terlalu lama: pemantauan dapat diisi paling awal untuk ` +
        `bulan ${monthLabel(earliest)}. Periksa tahunnya.`,
      "month",
    ),
  ];
}

function checkVisitAfterBirth(visit, birth) {
  if (!visit || !birth || cmp(visit, birth) >= 0) return [];
  return [
    problem(
      "visit_before_birth",
      `Tanggal kunjungan ${dayLabel(visit)} sebelum anak lahir ` +
        `(${dayLabel(birth)}). Isi tanggal pada atau sesudah tanggal lahir, atau ` +
        "perbaiki tanggal lahir anak.",
      "visit_date",
    ),
  ];
}

function checkBirthMatchesDelivery(birth, delivery, field = "birth_date") {
  if (!birth || !delivery || cmp(birth, delivery) === 0) return [];
  return [
    problem(
      "birth_not_delivery",
      `Tanggal lahir anak (${dayLabel(birth)}) berbeda dengan tanggal melahirkan ibu ` +
        `yang tercatat (${dayLabel(delivery)}). Anak lahir pada hari ibu melahirkan: ` +
        "perbaiki salah satunya.",
      field,
    ),
  ];
}

function limit(value, field, limits) {
  if (value === null || value === undefined) return [];
  const [lo, hi, label, unit] = limits;
  const number = Number(value);
  if (number <= 0 || (lo <= number && number <= hi)) return [];
  return [
    problem(
      `${field}_impossible`,
      `${label} ${shortNumber(number)} ${unit} tidak mungkin: harus antara ${shortNumber(lo)} ` +
        `dan ${shortNumber(hi)} ${unit}. ` +
        "Periksa angka dan satuannya (kg, cm), lalu ukur ulang.",
      field,
    ),
  ];
}

// ------------------------------------------------------------------------------------------
// Cohorts (rules.py): what the Tugas list asks for which month

/** "pregnant" | "nifas" | null on a day (the delivery day is day 0, nifas to day 42). */
export function pregnancyPhaseOn(deliveryDate, day) {
  const delivery = asDate(deliveryDate);
  day = asDate(day);
  if (!delivery || cmp(day, delivery) < 0) return "pregnant";
  if (dayNumber(day) - dayNumber(delivery) <= rulesLoaded().postnatal_days) return "nifas";
  return null;
}

/** Whether a pregnancy is a 2a target on at least one day of `month`. */
export function pregnancyNeedsRecord(deliveryDate, month) {
  return pregnancyPhaseOn(deliveryDate, month) !== null;
}

/** "2b" | "2c" | null: a child's cohort on a day. */
export function childCohortOn(birth, day) {
  birth = asDate(birth);
  day = asDate(day);
  if (cmp(day, birth) < 0) return null;
  const age = ageInMonths(birth, day);
  for (const [form, [lo, hi]] of Object.entries(rulesLoaded().cohorts)) {
    if (lo <= age && age < hi) return form;
  }
  return null;
}

/** The forms ("2b", "2c") a child born on `birth` needs for `month` (child_forms_for_month). */
export function childFormsForMonth(birth, month) {
  birth = asDate(birth);
  month = asDate(month);
  const last = monthEnd(month);
  if (cmp(birth, last) > 0) return [];
  const first = cmp(month, birth) > 0 ? month : birth;
  const forms = [];
  for (const form of ["2b", "2c"]) {
    const [lo, hi] = rulesLoaded().cohorts[form];
    if (ageInMonths(birth, last) >= lo && ageInMonths(birth, first) < hi) forms.push(form);
  }
  return forms;
}

/** The forms a child (its fields) needs for `month`: none after the month it was closed. */
export function formsForMonth(child, month) {
  month = asDate(month);
  const closed = asDate(child.closed_at);
  if (child.deleted || (closed && cmp(month, firstOf(closed)) > 0)) return [];
  return childFormsForMonth(child.birth_date, month);
}

/** 2b while under 24 months on the 1st of the month (or birth), else 2c; null beyond. */
export function defaultChildForm(birth, month) {
  birth = asDate(birth);
  month = asDate(month);
  return childCohortOn(birth, cmp(month, birth) > 0 ? month : birth);
}

/** [lo, hi) completed months of the posyandu's weighing (rules.BALITA_MONTHS). */
function balitaMonths() {
  return rulesLoaded().growth?.balita_months || [0, 60];
}

/** Whether the child is a balita (0-59 completed months) on some day of `month`
 * (rules.is_balita_month): its age on the first day of the month it is alive. */
export function isBalitaMonth(birth, month) {
  birth = asDate(birth);
  month = asDate(month);
  if (!birth || !month || cmp(birth, monthEnd(month)) > 0) return false;
  return ageInMonths(birth, cmp(month, birth) > 0 ? month : birth) < balitaMonths()[1];
}

/** Whether a child's Formulir 2b record of `month` holds the posyandu weighing only: a balita
 * month in which the child is 24 months or older on the 1st (rules.is_weighing_only_month). */
export function isWeighingOnlyMonth(birth, month) {
  return isBalitaMonth(birth, month) && defaultChildForm(birth, month) !== "2b";
}

/** The fields a weighing-only record may hold (rules.WEIGHING_ONLY_FIELDS). */
export function weighingOnlyFields() {
  return new Set(rulesLoaded().growth?.weighing_only_fields || []);
}

/** Errors (one per field) for service answers on a weighing-only record of a child 24-59
 * months (rules.check_weighing_only); `answered`: the names of fields holding an answer. */
export function checkWeighingOnly(birth, month, answered) {
  birth = asDate(birth);
  month = asDate(month);
  if (!birth || !month || !isWeighingOnlyMonth(birth, month)) return [];
  const age = ageInMonths(birth, cmp(month, birth) > 0 ? month : birth);
  const allowed = weighingOnlyFields();
  const labels = rulesLoaded().growth?.service_labels || {};
  return [...new Set(answered)]
    .filter((name) => !allowed.has(name))
    .sort()
    .map((name) =>
      problem(
        "weighing_only",
        `Pada bulan ${monthLabel(month)} anak berumur ${age} bulan: catatan bulanan ` +
          "anak 24-59 bulan hanya berisi penimbangan dan pengukuran di posyandu. " +
          `Kosongkan isian "${labels[name] ?? name}" (layanan Formulir 2b hanya ` +
          "untuk anak 0-23 bulan).",
        name,
      ),
    );
}

/** Problems (errors on "month") when a target is not followed on `form` in `month`. */
export function checkMonthFollowed(form, month, target = {}) {
  month = asDate(month);
  const birth = asDate(target.birth_date);
  const delivery = asDate(target.delivery_date);
  const due = asDate(target.due_date);
  const closed = asDate(target.closed_at);
  if (closed && cmp(month, firstOf(closed)) > 0) {
    return [
      problem(
        "target_closed",
        `Sasaran ini ditutup pada ${dayLabel(closed)}: bulan ${monthLabel(month)} ` +
          "tidak dipantau lagi. Pilih bulan sebelum sasaran ditutup.",
        "month",
      ),
    ];
  }
  if (form === "2a") {
    if (!pregnancyNeedsRecord(delivery, month)) {
      const last = plusDays(delivery, rulesLoaded().postnatal_days);
      return [
        problem(
          "after_postnatal",
          `Masa nifas berakhir ${dayLabel(last)} (42 hari sesudah melahirkan ` +
            `${dayLabel(delivery)}): bulan ${monthLabel(month)} tidak dipantau ` +
            "lagi di Formulir 2a. Catat bayinya sebagai anak.",
          "month",
        ),
      ];
    }
    const anchor = delivery || due;
    if (anchor) {
      const first = firstOf(addMonths(anchor, -rulesLoaded().pregnancy_months_before_due));
      if (cmp(month, first) < 0) {
        const what = delivery ? "melahirkan" : "HPL";
        return [
          problem(
            "before_pregnancy",
            `Bulan ${monthLabel(month)} sebelum kehamilan ini (${what} ` +
              `${dayLabel(anchor)}): paling awal bulan ${monthLabel(first)}.`,
            "month",
          ),
        ];
      }
    }
    return [];
  }
  if (!birth) return [];
  if (cmp(birth, monthEnd(month)) > 0) {
    return [
      problem(
        "before_birth",
        `Anak lahir ${dayLabel(birth)}: bulan ${monthLabel(month)} sebelum ` +
          "kelahirannya. Pilih bulan lahir atau sesudahnya.",
        "month",
      ),
    ];
  }
  // 0-23 months a full 2b record, 24-59 the weighing only (checkWeighingOnly).
  if (form === "2b" && isBalitaMonth(birth, month)) return [];
  if (!childFormsForMonth(birth, month).includes(form)) {
    const age = ageInMonths(birth, cmp(month, birth) > 0 ? month : birth);
    const [lo, hi] = form === "2b" ? balitaMonths() : rulesLoaded().cohorts[form];
    return [
      problem(
        "out_of_cohort",
        `Pada bulan ${monthLabel(month)} anak berumur ${age} bulan: Formulir ${form} ` +
          `untuk umur ${lo} sampai sebelum ${hi} bulan. Isi formulir yang sesuai umurnya.`,
        "month",
      ),
    ];
  }
  return [];
}

function monthsBetween(a, b) {
  return (b.y - a.y) * 12 + b.m - a.m;
}

/** The gestation month to propose for `month` (rules.gestation_for_month).
 * Returns {month: 1-9 | null, source: "registration" | "hpl" | "", note: Indonesian}. */
export function gestationForMonth(
  month,
  { typed = null, typedIn = null, dueDate = null, deliveryDate = null } = {},
) {
  month = asDate(month);
  const delivery = asDate(deliveryDate);
  const due = asDate(dueDate);
  const typedMonth = asDate(typedIn);
  const [lo, hi] = rulesLoaded().gestation_months;
  if (delivery && cmp(delivery, monthEnd(month)) < 0) return { month: null, source: "", note: "" };
  if (typed !== null && typed !== undefined && typedMonth) {
    const value = typed + monthsBetween(firstOf(typedMonth), month);
    if (lo <= value && value <= hi) {
      return {
        month: value,
        source: "registration",
        note:
          `Dari bulan kehamilan yang diisi (${typed} bulan pada ${monthLabel(typedMonth)}), ` +
          "ditambah bulan yang berlalu. Ubah bila tidak sesuai.",
      };
    }
  }
  if (due) {
    const value = 9 - monthsBetween(month, due);
    if (lo <= value && value <= hi) {
      return {
        month: value,
        source: "hpl",
        note:
          `Perkiraan dari HPL ${dayLabel(due)}, bukan isian. Periksa dan ubah bila ` +
          "tidak sesuai.",
      };
    }
  }
  return { month: null, source: "", note: "" };
}

// ------------------------------------------------------------------------------------------
// NIK and the newborn's temporary number (tikar/households/nik.py)

/** Drop the spaces, dots and dashes people type or copy from a KK. */
export function normaliseNik(raw) {
  const separators = rulesLoaded().nik.separators;
  return [...String(raw ?? "").trim()].filter((c) => !separators.includes(c)).join("");
}

const isDigits = (s) => /^[0-9]+$/.test(s);

function shapeProblems(value, length, what, field) {
  if (!isDigits(value)) {
    return [problem(`${field}_not_digits`, `${what} hanya boleh berisi angka.`, field)];
  }
  if (value.length !== length) {
    return [
      problem(
        `${field}_length`,
        `${what} harus ${length} digit; yang diisi ${value.length} digit.`,
        field,
      ),
    ];
  }
  if (new Set(value).size === 1) {
    return [
      problem(
        `${field}_all_same`,
        `${what} tidak mungkin berisi satu angka yang sama semua (${value.slice(0, 4)}…). ` +
          "Periksa kembali pada KTP atau Kartu Keluarga.",
        field,
      ),
    ];
  }
  return [];
}

function validDayMonth(day, month, year2) {
  // The century is unknown; 2000 is a leap year, so 29 Feb of "00" passes, as it should.
  return [2000 + year2, 1900 + year2].some(
    (y) => month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(y, month),
  );
}

/** Problems of a NIK (errors and warnings); [] for an empty value. `sex`: "L" | "P". */
export function checkNik(
  raw,
  { sex = null, birthDate = null, field = "nik", regions = true } = {},
) {
  const N = rulesLoaded().nik;
  const nik = normaliseNik(raw);
  if (!nik) return [];
  if (isDigits(nik) && nik.length === N.temp_length) {
    return [
      problem(
        `${field}_is_temp_number`,
        "Ini nomor sementara bayi (17 digit: NIK ibu + 1 angka), bukan NIK. " +
          "Isi di kolom nomor sementara, atau isi NIK 16 digit dari akta/KK.",
        field,
      ),
    ];
  }
  const problems = shapeProblems(nik, N.length, "NIK", field);
  if (problems.length) return problems;
  if (regions && !KECAMATAN.has(nik.slice(0, 6))) {
    const prefix = `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`;
    problems.push(
      problem(
        `${field}_region_unknown`,
        `6 angka pertama NIK (${prefix}) bukan kode kecamatan yang ada. ` +
          "Periksa apakah ada angka yang tertukar.",
        field,
        WARNING,
      ),
    );
  }
  let day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const year2 = Number(nik.slice(10, 12));
  const female = day > N.female_day_offset;
  if (female) day -= N.female_day_offset;
  if (!validDayMonth(day, month, year2)) {
    problems.push(
      problem(
        `${field}_date_invalid`,
        `Angka ke-7 sampai ke-12 NIK (${nik.slice(6, 12)}) bukan tanggal lahir yang mungkin.`,
        field,
        WARNING,
      ),
    );
    return problems;
  }
  if ((sex === "L" || sex === "P") && female !== (sex === "P")) {
    const written = female ? "perempuan (tanggal lahir + 40)" : "laki-laki";
    const entered = sex === "P" ? "perempuan" : "laki-laki";
    problems.push(
      problem(
        `${field}_sex_mismatch`,
        `NIK ini tertulis untuk ${written}, tetapi jenis kelamin yang diisi ` +
          `${entered}. Periksa NIK atau jenis kelamin.`,
        field,
        WARNING,
      ),
    );
  }
  const birth = asDate(birthDate);
  if (birth && (day !== birth.d || month !== birth.m || year2 !== birth.y % 100)) {
    problems.push(
      problem(
        `${field}_birth_date_mismatch`,
        `Tanggal lahir di NIK (${ddmmyy({ d: day, m: month, y: year2 })}) berbeda dengan ` +
          `tanggal lahir yang diisi (${ddmmyy(birth)}). Periksa salah satunya.`,
        field,
        WARNING,
      ),
    );
  }
  return problems;
}

/** True for a well-formed 16-digit NIK (warnings allowed); never for a temporary number. */
export function isNik(raw) {
  const nik = normaliseNik(raw);
  return Boolean(nik) && !checkNik(nik, { regions: false }).some((p) => p.severity === ERROR);
}

/** Problems of a newborn's temporary number (the mother's NIK + one digit). */
export function checkTempNumber(raw, { motherNik = null, field = "temp_number" } = {}) {
  const N = rulesLoaded().nik;
  const number = normaliseNik(raw);
  if (!number) return [];
  const what = "Nomor sementara bayi (NIK ibu + 1 angka)";
  const problems = shapeProblems(number, N.temp_length, what, field);
  if (problems.length) return problems;
  if (!isNik(number.slice(0, N.length))) {
    return [
      problem(
        `${field}_mother_nik_invalid`,
        "16 angka pertama nomor sementara harus NIK ibu yang benar.",
        field,
      ),
    ];
  }
  const mother = normaliseNik(motherNik);
  if (mother && number.slice(0, N.length) !== mother) {
    return [
      problem(
        `${field}_mother_mismatch`,
        `Nomor sementara harus diawali NIK ibu (${mother}), lalu 1 angka.`,
        field,
      ),
    ];
  }
  return [];
}

// ------------------------------------------------------------------------------------------
// Stage 1: the fields' types and limits, as the API serializer checks them (DRF)

function pyFormat(template, params) {
  return template.replace(/%\((\w+)\)s/g, (_, name) => String(params[name]));
}

/** Python Decimal's (digits, exponent) of a decimal string, or null when it is no number. */
function decimalParts(text) {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match || (match[2] === "" && (match[3] ?? "") === "")) return null;
  const whole = match[2];
  const frac = match[3] ?? "";
  const digits = (whole + frac).replace(/^0+/, "") || "0";
  return { digits: digits.length, exponent: Number(match[4] ?? 0) - frac.length };
}

function decimalText(value) {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : null;
  if (typeof value === "string") return value.trim();
  return null;
}

function checkDecimal(spec, value) {
  const text = decimalText(value);
  const parts = text === null ? null : decimalParts(text);
  const m = spec.messages;
  if (!parts) return [m.invalid];
  let total;
  let whole;
  let places;
  if (parts.exponent >= 0) {
    total = parts.digits + parts.exponent;
    whole = total;
    places = 0;
  } else if (parts.digits > -parts.exponent) {
    total = parts.digits;
    whole = total + parts.exponent;
    places = -parts.exponent;
  } else {
    total = -parts.exponent;
    whole = 0;
    places = total;
  }
  if (spec.max_digits != null && total > spec.max_digits) return [m.max_digits];
  if (spec.decimal_places != null && places > spec.decimal_places) return [m.max_decimal_places];
  if (spec.max_whole_digits != null && whole > spec.max_whole_digits) return [m.max_whole_digits];
  const number = Number(text);
  if (spec.min_value != null && number < spec.min_value) return [m.min_value];
  if (spec.max_value != null && number > spec.max_value) return [m.max_value];
  return [];
}

function checkInteger(spec, value) {
  const m = spec.messages;
  if (typeof value !== "number" && typeof value !== "string") return [m.invalid];
  const text = String(value).replace(/\.0*\s*$/, "");
  if (!/^\s*[+-]?\d+\s*$/.test(text)) return [m.invalid];
  const number = Number(text);
  if (spec.min_value != null && number < spec.min_value) return [m.min_value];
  if (spec.max_value != null && number > spec.max_value) return [m.max_value];
  return [];
}

// DRF BooleanField's TRUE_VALUES / FALSE_VALUES.
const TRUE_VALUES = new Set([
  ...["t", "T", "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"],
  ...["1", 1, true],
]);
const FALSE_VALUES = new Set([
  ...["f", "F", "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"],
  ...["0", 0, false],
]);

function checkField(spec, value) {
  const m = spec.messages;
  if (value === null) return spec.allow_null ? [] : [m.null];
  switch (spec.type) {
    case "char": {
      if (typeof value !== "string" && typeof value !== "number") return [m.invalid];
      const text = String(value).trim();
      if (text === "") return spec.allow_blank ? [] : [m.blank];
      if (spec.max_length != null && [...text].length > spec.max_length) return [m.max_length];
      return [];
    }
    case "choice":
      if (value === "" && spec.allow_blank) return [];
      if (spec.choices.includes(String(value))) return [];
      return [m.invalid_choice.replace("{input}", String(value))];
    case "int":
      return checkInteger(spec, value);
    case "decimal":
      return checkDecimal(spec, value);
    case "date":
      return parseDate(value) ? [] : [m.invalid];
    case "month":
      return parseMonth(value) ? [] : [m.invalid];
    case "bool":
      return TRUE_VALUES.has(value) || FALSE_VALUES.has(value) ? [] : [m.invalid];
    default:
      return [];
  }
}

/** A month as sent: "YYYY-MM" or a date "YYYY-MM-DD" (the API's MONTH_FORMATS). */
function parseMonth(value) {
  if (typeof value !== "string") return null;
  if (/^\d{4}-\d{1,2}$/.test(value)) return parseDate(`${value}-01`);
  return parseDate(value);
}

function fieldErrors(kind, fields, { partial = false } = {}) {
  const errors = {};
  for (const [name, spec] of Object.entries(rulesLoaded().fields[kind])) {
    const present = Object.hasOwn(fields, name) && fields[name] !== undefined;
    if (!present) {
      if (spec.required && !partial) errors[name] = [spec.messages.required];
      continue;
    }
    const messages = checkField(spec, fields[name]);
    if (messages.length) errors[name] = messages;
  }
  return errors;
}

// ------------------------------------------------------------------------------------------
// Stage 2: the record's rules (model clean(), the API's extra checks, record_month)

function byField(problems, into = {}) {
  for (const p of problems) {
    if (p.severity !== ERROR) continue;
    const key = p.field || "non_field_errors";
    (into[key] ||= []).push(p.message);
  }
  return into;
}

function merge(errors, more) {
  for (const [field, messages] of Object.entries(more)) (errors[field] ||= []).push(...messages);
  return errors;
}

function asWarnings(problems) {
  return problems
    .filter((p) => p.severity === WARNING)
    .map((p) => ({ field: p.field, code: p.code, message: p.message }));
}

function findRecord(ctx, kind, id) {
  if (!id) return null;
  return ((ctx.records || {})[kind] || []).find((r) => r.id === id) || null;
}

// A date equal to the stored one is not judged against its window (validation.implausible_dates):
// the windows move with today, and correcting a name must not be refused for an old birth date.
function unchanged(ctx, field, value) {
  return Boolean(ctx.stored) && ctx.stored[field] === value;
}

function orElse(...groups) {
  for (const group of groups) {
    const problems = group();
    if (problems.length) return problems;
  }
  return [];
}

function motherRules(fields, ctx, today) {
  const birth = asDate(fields.birth_date);
  const birthProblems = orElse(
    () => checkNotFuture(birth, today, "birth_date"),
    () =>
      unchanged(ctx, "birth_date", fields.birth_date) ? [] : checkMotherBirthDate(birth, today),
  );
  const nik = checkNik(fields.nik, { sex: "P", birthDate: birth });
  return { errors: byField([...birthProblems, ...nik]), warnings: asWarnings(nik) };
}

function pregnancyRules(fields, ctx, today) {
  const delivery = asDate(fields.delivery_date);
  const due = asDate(fields.due_date);
  const problems = [
    ...orElse(
      () => checkNotFuture(delivery, today, "delivery_date"),
      () =>
        unchanged(ctx, "delivery_date", fields.delivery_date)
          ? []
          : checkDeliveryDate(delivery, today),
    ),
    ...(unchanged(ctx, "due_date", fields.due_date) ? [] : checkDueDate(due, today)),
  ];
  if (delivery && ctx.stored) {
    // The children already registered from this pregnancy were born on its delivery.
    const births = ((ctx.records || {}).child || [])
      .filter((c) => c.born_from === fields.id && !c.deleted_at)
      .map((c) => c.birth_date)
      .sort();
    if (births.length) {
      problems.push(...checkBirthMatchesDelivery(asDate(births[0]), delivery, "delivery_date"));
    }
  }
  problems.push(...checkGestationMonth(fields.gestation_month));
  const errors = byField(problems);
  if (fields.kia_number && fields.mother) {
    const taken = ((ctx.records || {}).pregnancy || []).some(
      (p) => p.id !== fields.id && !p.deleted_at && p.kia_number === fields.kia_number,
    );
    if (taken) merge(errors, { kia_number: [rulesLoaded().messages.kia_taken] });
  }
  return { errors, warnings: [] };
}

function childRecordProblems(fields, ctx) {
  // A stored child's new birth date must not leave a visit or a month before the birth.
  if (!ctx.stored || !fields.birth_date || ctx.stored.birth_date === fields.birth_date) return [];
  const birth = asDate(fields.birth_date);
  if (!birth) return [];
  const M = rulesLoaded().messages;
  const records = (ctx.existing || []).filter((r) => !r.deleted_at);
  const early = records
    .filter((r) => r.visit_date && cmp(asDate(r.visit_date), birth) < 0)
    .sort((a, b) => (a.visit_date < b.visit_date ? -1 : 1))[0];
  if (early) {
    const v = asDate(early.visit_date);
    const visit = `${String(v.d).padStart(2, "0")}-${String(v.m).padStart(2, "0")}-${v.y}`;
    const text = pyFormat(M.birth_after_visit, { month: monthLabel(early.month), visit });
    return [problem("birth_after_visit", text, "birth_date")];
  }
  const months = records
    .map((r) => r.month)
    .filter((m) => cmp(asDate(m), firstOf(birth)) < 0)
    .sort();
  if (months.length) {
    const text = pyFormat(M.birth_after_record, { month: monthLabel(months[0]) });
    return [problem("birth_after_record", text, "birth_date")];
  }
  return [];
}

function childRules(fields, ctx, today) {
  const M = rulesLoaded().messages;
  const birth = asDate(fields.birth_date);
  const mother = ctx.mother || findRecord(ctx, "mother", fields.mother);
  const bornFrom = ctx.born_from || findRecord(ctx, "pregnancy", fields.born_from);
  const delivery = fields.born_from && bornFrom ? asDate(bornFrom.delivery_date) : null;
  const birthProblems = orElse(
    () => checkNotFuture(birth, today, "birth_date"),
    () =>
      unchanged(ctx, "birth_date", fields.birth_date) ? [] : checkChildBirthDate(birth, today),
    () => checkBirthMatchesDelivery(birth, delivery),
  );
  const nik = checkNik(fields.nik, { sex: fields.sex, birthDate: birth });
  const motherNik = fields.mother && mother ? mother.nik : null;
  const temp = checkTempNumber(fields.temp_number, { motherNik });
  const errors = byField([...birthProblems, ...nik, ...temp, ...childRecordProblems(fields, ctx)]);
  if (fields.mother && mother && mother.household !== fields.household) {
    merge(errors, { mother: [M.mother_household] });
  }
  if (fields.born_from && fields.mother && bornFrom && bornFrom.mother !== fields.mother) {
    merge(errors, { born_from: [M.not_mothers_pregnancy] });
  }
  return { errors, warnings: asWarnings(nik) };
}

// Values of a new monthly record before the client's (the models' defaults).
const MONTHLY_DEFAULTS = {
  pregnancy_visit: { postnatal_checks: 0, risk_status: "normal" },
  child_visit: { growth_mat: "tidak_diukur" },
  paud_record: { status: "" },
};

// Whether a sent value equals the stored one as the server compares them: "8.0" (a decimal as
// the API writes it) equals 8, null equals a missing value.
function sameValue(sent, stored) {
  if (sent === null || sent === undefined || stored === null || stored === undefined) {
    return (sent ?? null) === (stored ?? null);
  }
  const a = Number(sent);
  const b = Number(stored);
  const numeric = typeof sent !== "boolean" && typeof stored !== "boolean";
  if (numeric && sent !== "" && stored !== "" && Number.isFinite(a) && Number.isFinite(b)) {
    return a === b;
  }
  return String(sent) === String(stored);
}

function num(value) {
  return value === null || value === undefined || value === "" ? null : Number(value);
}

function monthlyRules(kind, fields, ctx, today) {
  const R_ = rulesLoaded();
  const M = R_.messages;
  const { form } = R_.kinds[kind];
  const target = ctx.target || {};
  const month = parseMonth(fields.month);

  // The API: an id already used must name this target's month.
  const reused = findRecord(ctx, kind, fields.id);
  const elsewhere = (r) => r.target !== fields.target || r.month !== (month && iso(month));
  if (reused && !reused.deleted_at && elsewhere(reused)) {
    return { errors: { id: [M.id_taken] }, warnings: [] };
  }
  // The API: the form is fixed by the kind, so a child must be on it that month.
  // A child_visit follows a balita to 59 months (issue 10: weighing-only from 24 months).
  const onForm = (f) =>
    (f === "2b" && isBalitaMonth(target.birth_date, month)) ||
    childFormsForMonth(target.birth_date, month).includes(f);
  if (form !== "2a" && month && !onForm(form)) {
    const text = pyFormat(M.not_on_form, { name: target.name, form, month: monthLabel(month) });
    return { errors: { month: [text] }, warnings: [] };
  }
  // One record per target and month: the server turns a second create into an edit of the
  // first; the phone opens that record instead of holding two (`existingForMonth`).
  const stored = existingForMonth(fields, ctx.existing || []);
  if (stored && stored.id !== fields.id) {
    const text = pyFormat(M.month_taken, { month: monthLabel(month) });
    return { errors: { month: [text] }, warnings: [] };
  }
  let record;
  if (stored) {
    // An edit: a replay of stored values changes nothing and is not validated again.
    const changes = Object.keys(fields).filter(
      (name) =>
        !["id", "target", "month", "form"].includes(name) &&
        !sameValue(fields[name], stored[name]),
    );
    if (!changes.length) return { errors: {}, warnings: [] };
    record = { ...stored, ...fields };
  } else {
    record = { ...MONTHLY_DEFAULTS[kind], ...fields };
  }
  const visit = asDate(record.visit_date);
  // Model validation of the fields first (a required choice left empty), then clean().
  const errors = {};
  if (kind === "paud_record" && !record.status) errors.status = [M.model_blank];

  let problems = checkMonthKey(month, today);
  if (!problems.length) {
    problems = [
      ...checkMonthNotTooOld(month, today),
      ...(ctx.checkFollowed === false ? [] : checkMonthFollowed(form, month, target)),
    ];
  }
  problems.push(...checkNotFuture(visit, today, "visit_date"), ...checkVisitInMonth(visit, month));
  if (kind === "pregnancy_visit") {
    problems.push(
      ...checkGestationMonth(num(record.gestation_month)),
      ...checkPostnatalChecks(num(record.postnatal_checks)),
      ...limit(num(record.muac_cm), "muac_cm", R_.mother_muac_limits),
    );
  } else if (kind === "child_visit") {
    const weight = num(record.weight_kg);
    const length = num(record.length_cm);
    problems.push(
      ...checkMeasurementHasDate(visit, weight, length),
      ...checkPositive(weight, "weight_kg", "Berat badan"),
      ...checkPositive(length, "length_cm", "Panjang/tinggi badan"),
      ...checkVisitAfterBirth(visit, asDate(target.birth_date)),
    );
    const answered = Object.keys(record).filter(
      (name) =>
        !["id", "target", "month", "form"].includes(name) &&
        record[name] !== null &&
        record[name] !== undefined &&
        record[name] !== "" &&
        // the mat's "tidak diukur" is its default and no answer (ChildVisit.answered)
        !(name === "growth_mat" && record[name] === "tidak_diukur"),
    );
    problems.push(...checkWeighingOnly(target.birth_date, month, answered));
    for (const name of ["weight_kg", "length_cm", "head_circumference_cm", "muac_cm"]) {
      problems.push(...limit(num(record[name]), name, R_.child_limits[name]));
    }
  }
  return { errors: byField(problems, errors), warnings: [] };
}

/** The stored record of the same target and month (alive), or null. */
export function existingForMonth(fields, existing) {
  const month = parseMonth(fields.month);
  if (!month) return null;
  const key = iso(month);
  const sameTarget = (r) => !fields.target || !r.target || r.target === fields.target;
  return existing.find((r) => !r.deleted_at && r.month === key && sameTarget(r)) || null;
}

/**
 * Check a record before it is saved on the phone, as the server will.
 *
 * kind: "household" | "mother" | "pregnancy" | "child" | "pregnancy_visit" | "child_visit" |
 * "paud_record"; fields: the wire fields (contract.md), monthly kinds with `target` and `month`.
 * ctx: {today: "YYYY-MM-DD", target, mother, household, born_from, existing: [monthly records
 * of the same target], records: {kind: [fields]}, stored: <the server's fields of this record
 * when it is an edit>}.
 * Returns {errors: {field: ["Indonesian"]}, warnings: [{field, code, message}]}; no errors =
 * the server accepts it (warnings never block).
 */
export function checkRecord(kind, fields, ctx = {}) {
  const R_ = rulesLoaded();
  if (!R_.fields[kind]) throw new Error(`rules.js: unknown kind ${kind}`);
  const today = asDate(ctx.today);
  if (!today) throw new Error("rules.js: ctx.today (YYYY-MM-DD) is required");
  const wire = { ...fields };
  const target = R_.kinds[kind]?.target;
  if (target) {
    // The sync's own checks of a monthly operation (tikar/sync/protocol.py), before the API's.
    if (fields.target === null || fields.target === undefined || fields.target === "") {
      return { errors: { target: [R_.messages.target_missing] }, warnings: [] };
    }
    const form = fields.form;
    if (form !== null && form !== undefined && form !== R_.kinds[kind].form) {
      const text = pyFormat(R_.messages.form_of_other_kind, { form });
      return { errors: { form: [text] }, warnings: [] };
    }
    wire[target] = fields.target; // the API's name of the target field
  }
  const errors = fieldErrors(kind, wire, { partial: Boolean(ctx.stored) });
  if (Object.keys(errors).length) return { errors, warnings: [] };
  switch (kind) {
    case "household":
      return { errors: {}, warnings: [] };
    case "mother":
      return motherRules(fields, ctx, today);
    case "pregnancy":
      return pregnancyRules(fields, ctx, today);
    case "child":
      return childRules(fields, ctx, today);
    default:
      return monthlyRules(kind, fields, ctx, today);
  }
}
