// The monthly entry offline: Formulir 2a (pregnancy), 2b (child 0-23 months, with live
// z-scores from who2006.js) and 2c (PAUD). Same labels and order as the online page
// (tikar/templates/monitoring/record_month.html, tikar/monitoring/forms.py). Before saving,
// rules.js checkRecord refuses what the server refuses (errors at the field, nothing saved);
// warnings are shown and the KPM confirms them. Save → IndexedDB + outbox → back to Tugas.

import {
  MONTHLY,
  all,
  app,
  get,
  posyanduList,
  recentMonths,
  save,
  status,
  targetOf,
} from "./data.js";
import { checkFields, editableOf, problemsBox, warningsBox } from "./checks.js";
import { stateBadge } from "./tasks.js";
import {
  ageOn,
  decimalShown,
  decimalValue,
  field,
  h,
  input,
  intValue,
  monthLabel,
  newId,
  onSubmitOnce,
  select,
  showErrors,
  t,
  toggle,
  valueOf,
  yesNo,
  yesNoValue,
  confirmBox,
} from "./ui.js";

const FORM_LABEL = { "2a": "Pregnancy (2a)", "2b": "Child 0-23 months (2b)", "2c": "PAUD (2c)" };
const YES_NO_2A = [
  ["anc_check", "1. Antenatal check"],
  ["iron_tablets", "2. Received and took iron tablets (Fe)"],
];
const YES_NO_2A_AFTER = [
  ["nutrition_counselling", "4. Nutrition counselling or pregnancy class"],
  ["home_visit", "5. Home visit"],
  ["safe_water", "6. Safe drinking water"],
  ["latrine", "7. Proper latrine"],
  ["health_insurance", "8. Health insurance"],
];
const YES_NO_2B = [
  ["immunisation_up_to_date", "1. Immunisation up to date for age"],
  ["immunisation_basic_complete", "Basic immunisation complete"],
  ["immunisation_measles", "Measles/MR immunisation"],
  ["counselling_mother", "4. Nutrition counselling: mother"],
  ["counselling_father", "Nutrition counselling: father"],
  ["home_visit", "5. Home visit"],
  ["safe_water", "6. Safe drinking water"],
  ["latrine", "7. Proper latrine"],
  ["birth_certificate", "8. Birth certificate"],
  ["health_insurance", "9. Health insurance"],
  ["parenting_class", "10. Parenting class (BKB)"],
];
const Z_LABELS = [
  ["len", "PB/U · TB/U"],
  ["wei", "BB/U"],
  ["wfl", "BB/PB · BB/TB"],
  ["bmi", "IMT/U"],
  ["hc", "LK/U"],
  ["ac", "LiLA/U"],
];

function posyanduSelect(value) {
  return select("posyandu", [["", "–"], ...posyanduList().map((p) => [String(p.id), p.name])], value ?? "");
}

function measure(name, label, value) {
  return field(name, t(label), input(name, { value: decimalShown(value), inputmode: "decimal" }));
}

function dateField(name, label, value, help) {
  return field(name, t(label), input(name, { type: "date", value: value || "" }), { help });
}

/** The fields of the 2a/2b/2c record as the form holds them (wire shapes). */
function readFields(form, code) {
  const v = (n) => valueOf(form, n);
  const posyandu = v("posyandu");
  const common = { visit_date: v("visit_date") || null };
  if (code === "2a") {
    const out = {
      ...common,
      posyandu: posyandu ? Number(posyandu) : null,
      gestation_month: intValue(v("gestation_month")),
      risk_status: v("risk_status") || "normal",
      muac_cm: decimalValue(v("muac_cm")),
      iron_tablet_count: intValue(v("iron_tablet_count")),
      postnatal_checks: intValue(v("postnatal_checks")) ?? 0,
    };
    for (const [n] of [...YES_NO_2A, ...YES_NO_2A_AFTER]) out[n] = yesNoValue(v(n));
    return out;
  }
  if (code === "2b") {
    const lying = v("measured_lying");
    const out = {
      ...common,
      posyandu: posyandu ? Number(posyandu) : null,
      weight_kg: decimalValue(v("weight_kg")),
      length_cm: decimalValue(v("length_cm")),
      measured_lying: lying === "1" ? true : lying === "0" ? false : null,
      head_circumference_cm: decimalValue(v("head_circumference_cm")),
      muac_cm: decimalValue(v("muac_cm")),
      oedema: yesNoValue(v("oedema")),
      growth_mat: v("growth_mat") || "tidak_diukur",
    };
    for (const [n] of YES_NO_2B) out[n] = yesNoValue(v(n));
    return out;
  }
  return { ...common, status: v("status") || "" };
}

const num = (x) => (x === null || x === undefined || x === "" || Number.isNaN(Number(x)) ? null : Number(x));

/** The WHO result of a 2b measurement (who2006.js scoreVisit), or null without one. */
function scoreOf(child, fields) {
  const measured = fields.weight_kg !== null || fields.length_cm !== null;
  if (!measured || !fields.visit_date || !app.who?.scoreVisit) return null;
  try {
    return app.who.scoreVisit({
      sex: child.sex,
      birth_date: child.birth_date,
      visit_date: fields.visit_date,
      weight_kg: num(fields.weight_kg),
      length_cm: num(fields.length_cm),
      measured_lying: fields.measured_lying,
      head_circumference_cm: num(fields.head_circumference_cm),
      muac_cm: num(fields.muac_cm),
      oedema: Boolean(fields.oedema),
    });
  } catch {
    return null;
  }
}

/** The questions asked at entry (rules.growth_warnings through who2006.js growthWarnings):
 * implausible z, standing under 9 months, shorter than the last measurement. */
function growthOf(score, fields, siblings) {
  if (!score || !app.who?.growthWarnings) return [];
  const previous = siblings
    .filter((r) => r.month < fields.month && r.length_cm !== null && r.length_cm !== undefined && r.length_cm !== "")
    .sort((a, b) => (a.month < b.month ? 1 : -1))[0];
  try {
    return app.who.growthWarnings(score, {
      length_cm: num(fields.length_cm),
      previous_length_cm: previous ? num(previous.length_cm) : null,
      previous_date: previous?.visit_date ?? null,
    });
  } catch {
    return [];
  }
}

/** The live z-score box, drawn as monitoring/_zscores.html draws it on the server. */
export function zscoreBox(child, fields, z, warnings) {
  const measured = fields.weight_kg !== null || fields.length_cm !== null;
  if (!measured) return null;
  if (!fields.visit_date) {
    return h("p", { class: "muted small" }, t("Fill the visit date to see the z-scores: the age is counted from it."));
  }
  if (!z) return h("p", { class: "muted small" }, t("The z-scores appear once the WHO tables are loaded."));
  const age = ageOn(child.birth_date, fields.visit_date);
  // The entry page's pills are status_words (monitoring.views.status_words); older engines
  // only had status_labels.
  const labels = z.status_words || z.status_labels || [];
  const hasStatus = z.has_status ?? ((z.zlen ?? null) !== null || (z.zwfl ?? null) !== null);
  const zrows =
    z.rows ||
    Z_LABELS.filter(([ind]) => z[`z${ind}`] !== null && z[`z${ind}`] !== undefined).map(([ind, label]) => ({
      ind,
      label,
      z: z[`z${ind}`],
      category: (z.category_labels || {})[ind] || "",
      flagged: Boolean(z[`f${ind}`]),
      low: z[`z${ind}`] < -2,
    }));
  const rows = zrows.map((r) =>
    h(
      "tr",
      { class: r.flagged ? "flagged" : r.low ? "low" : "", "data-z": r.ind },
      h("th", {}, r.label),
      // Django's floatformat:2 in Indonesian: two decimals with a comma.
      h("td", { class: "num z" }, Number(r.z).toFixed(2).replace(".", ",")),
      h("td", {}, r.category || "", r.flagged ? [" ", h("b", {}, "⚠")] : null),
    ),
  );
  return h(
    "div",
    { class: "zbox", "aria-live": "polite", "data-testid": "zscores" },
    h(
      "p",
      { class: "zhead" },
      h("b", {}, `${t("Nutrition status")}:`),
      " ",
      labels.length
        ? labels.map((s) => [h("span", { class: "pill bad" }, s), " "])
        : hasStatus
          ? h("span", { class: "pill ok" }, t("No nutrition problem found"))
          : h("span", { class: "muted" }, t("needs weight and length")),
      " ",
      h("small", { class: "muted" }, `· ${t("age %(m)s months (%(d)s days)", { m: age.months, d: age.days })}`),
    ),
    h("table", { class: "data compact ztable" }, h("tbody", {}, rows)),
    warnings && warnings.length ? warningsBox(warnings) : null,
  );
}

/** A newborn link or the delivery link under the head of a 2a entry. */
async function deliveryOffer(pregnancy) {
  if (!pregnancy.delivery_date) {
    return h("p", {}, h("a", { class: "button wide-link", href: `#/persalinan/${pregnancy.id}` }, t("Record the delivery")));
  }
  const born = (await all("child")).some((c) => c.born_from === pregnancy.id);
  if (born) return null;
  return h(
    "div",
    { class: "offer" },
    h("p", {}, t("The delivery is recorded.")),
    h("a", { class: "button primary wide-link", href: `#/bayi/${pregnancy.id}` }, `+ ${t("Register the newborn")}`),
  );
}

export async function monthScreen(params, query, go) {
  const code = params.form;
  const kind = MONTHLY[code];
  const targetKind = code === "2a" ? "pregnancy" : "child";
  const target = await get(targetKind, params.id);
  if (!target || !kind) return notFound();
  const month = `${params.month}-01`;
  const mother = await get("mother", target.mother);
  const household = await get("household", targetKind === "pregnancy" ? mother?.household : target.household);
  const siblings = (await all(kind)).filter((r) => targetOf(r) === target.id);
  const record = siblings.find((r) => r.month && r.month.slice(0, 7) === params.month) || null;
  const existing = siblings.filter((r) => r !== record);
  // One record per target and month on the phone: a new one gets its id once, with the form,
  // so a second Simpan that slips through updates it instead of adding another.
  const recordId = record?.id || newId();
  const name = targetKind === "pregnancy" ? mother?.name || "" : target.name;
  const st = record ? await status(kind, record.id) : null;
  // A target the server has not accepted yet (a refused create) says so here too.
  const targetSt = await status(targetKind, target.id);
  const r = record || {};
  const back = `#/?bulan=${month}`;

  const monthSwitch = select(
    "bulan",
    recentMonths().map((m) => [m.slice(0, 7), monthLabel(m)]),
    params.month,
  );
  monthSwitch.setAttribute("aria-label", t("Month"));
  monthSwitch.addEventListener("change", () => go(`#/isi/${code}/${target.id}/${monthSwitch.value}`));
  const age = targetKind === "child" ? ageOn(target.birth_date, app.today) : null;

  const head = h(
    "section",
    { class: "card entry-head" },
    h(
      "p",
      { class: "muted small" },
      t(FORM_LABEL[code]),
      household ? ` · ${household.head_name}` : "",
      age ? ` · ${t("age %(m)s months (%(d)s days)", { m: age.months, d: age.days })}` : "",
    ),
    h("h1", {}, name),
    h("div", { class: "month-switch" }, monthSwitch),
    h(
      "p",
      { class: "small" },
      record
        ? [h("span", { class: "badge ok" }, t("recorded")), " ", t("Saving again changes this month's record.")]
        : h("span", { class: "badge" }, t("not yet recorded")),
    ),
    st ? h("p", { class: "small syncstate", "data-testid": "record-state" }, stateBadge(st)) : null,
    st?.state === "check"
      ? h("p", { class: "note", role: "status" }, t("Fix it: change the answers below and save again."))
      : null,
    targetSt.state === "check"
      ? h(
          "p",
          { class: "note", role: "status", "data-testid": "target-state" },
          stateBadge(targetSt),
          " ",
          h("a", { href: `#/data/${targetKind}/${target.id}` }, t("Open and change")),
        )
      : null,
    code === "2a" ? await deliveryOffer(target) : null,
  );

  const sections = [];
  let confirmWrap = null;
  if (code === "2a") {
    const proposed = record ? { month: r.gestation_month, note: "" } : proposedGestation(target, month, existing);
    const gest = proposed.month;
    sections.push(
      h(
        "section",
        { class: "card" },
        dateField("visit_date", "Visit date", r.visit_date),
        field("posyandu", t("Posyandu"), posyanduSelect(r.posyandu ?? target.posyandu ?? household?.posyandu)),
        field(
          "gestation_month",
          t("Gestational month"),
          select("gestation_month", [["", "–"], ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => [String(i), String(i)])], gest ?? ""),
          { help: t("Leave empty after delivery.") },
        ),
        proposed.note ? h("p", { class: "small muted", "data-testid": "gestation-note" }, proposed.note) : null,
        toggle(
          "risk_status",
          t("Risk status"),
          [
            ["normal", "Normal"],
            ["risti", "Risti"],
            ["kek", "KEK"],
          ],
          r.risk_status ?? target.risk_status ?? "normal",
        ),
        measure("muac_cm", "Upper arm circumference (LiLA, cm)", r.muac_cm),
        // Stored on the pregnancy itself, as online (PregnancyMonthForm.delivery_date).
        dateField("delivery_date", "Delivery date", target.delivery_date, t("Only once she has given birth.")),
      ),
      h(
        "section",
        { class: "card" },
        h("h2", {}, t("Services this month")),
        YES_NO_2A.map(([n, label]) => yesNo(n, t(label), r[n])),
        field(
          "iron_tablet_count",
          t("Number of iron tablets"),
          input("iron_tablet_count", { type: "number", value: r.iron_tablet_count ?? "", inputmode: "numeric", attrs: { min: 0, max: 400 } }),
        ),
        toggle(
          "postnatal_checks",
          t("3. Postnatal checks this month"),
          [0, 1, 2, 3, 4].map((i) => [String(i), String(i)]),
          String(r.postnatal_checks ?? 0),
        ),
        YES_NO_2A_AFTER.map(([n, label]) => yesNo(n, t(label), r[n])),
      ),
    );
  } else if (code === "2b") {
    const zbox = h("div", { id: "zscores" });
    confirmWrap = confirmBox("confirm_growth", t("I measured again: the numbers are right."));
    confirmWrap.hidden = true;
    sections.push(
      h(
        "section",
        { class: "card measure" },
        h("h2", {}, t("Weighing and measuring")),
        dateField("visit_date", "Visit date", r.visit_date),
        h(
          "div",
          { class: "two" },
          measure("weight_kg", "Weight (kg)", r.weight_kg),
          measure("length_cm", "Length/height (cm)", r.length_cm),
        ),
        toggle(
          "measured_lying",
          t("Measured"),
          [
            ["1", t("Lying")],
            ["0", t("Standing")],
          ],
          r.measured_lying === true ? "1" : r.measured_lying === false ? "0" : "",
        ),
        zbox,
        confirmWrap,
        h(
          "div",
          { class: "two" },
          measure("head_circumference_cm", "Head circumference (cm)", r.head_circumference_cm),
          measure("muac_cm", "Upper arm circumference (LiLA, cm)", r.muac_cm),
        ),
        yesNo("oedema", t("Oedema on both feet"), r.oedema),
        toggle(
          "growth_mat",
          t("Growth mat (tikar pertumbuhan)"),
          [
            ["hijau", "Hijau"],
            ["kuning", "Kuning"],
            ["merah", "Merah"],
            ["tidak_diukur", "Tidak diukur"],
          ],
          r.growth_mat ?? "tidak_diukur",
        ),
        field("posyandu", t("Posyandu"), posyanduSelect(r.posyandu ?? target.posyandu ?? household?.posyandu)),
      ),
      h(
        "section",
        { class: "card" },
        h("h2", {}, t("Services this month")),
        YES_NO_2B.map(([n, label]) => yesNo(n, t(label), r[n])),
      ),
    );
  } else {
    sections.push(
      h(
        "section",
        { class: "card" },
        toggle(
          "status",
          t("PAUD this month"),
          [
            ["belum", "Belum"],
            ["mengikuti", "Mengikuti"],
            ["tidak_mengikuti", "Tidak mengikuti"],
          ],
          r.status ?? "",
        ),
        dateField("visit_date", "Visit date", r.visit_date),
      ),
    );
  }

  const topErrors = h("div", {});
  const warnSlot = h("div", {});
  const form = h(
    "form",
    { class: "entry", id: "entry", novalidate: true },
    topErrors,
    sections,
    warnSlot,
    h("div", { class: "savebar" }, h("button", { class: "primary wide", type: "submit" }, t("Save"))),
  );

  const recordFields = () => {
    const fields = { target: target.id, month, ...readFields(form, code) };
    if (code !== "2a") fields.form = code;
    return fields;
  };
  // rules.js reads the month's stored record from `existing` (an edit, not a second record).
  const ctx = () => ({
    today: app.today,
    target,
    mother,
    household,
    existing: siblings,
    records: { [kind]: siblings },
  });
  const checked = (fields) => (record ? { ...fields, id: record.id } : fields);

  if (code === "2b") {
    const zbox = form.querySelector("#zscores");
    const refresh = () => {
      const fields = recordFields();
      const score = scoreOf(target, fields);
      const growth = growthOf(score, fields, siblings);
      zbox.replaceChildren(zscoreBox(target, fields, score, growth) || "");
      confirmWrap.hidden = growth.length === 0;
    };
    form.addEventListener("input", refresh);
    form.addEventListener("change", refresh);
    refresh();
  }

  onSubmitOnce(form, async () => {
    const fields = recordFields();
    const { errors, warnings: ruleWarnings } = checkFields(kind, checked(fields), ctx());
    // 2b: the growth questions are confirmed with their own box, as online (confirm_growth).
    const warnings = code === "2b" ? [...ruleWarnings, ...growthOf(scoreOf(target, fields), fields, siblings)] : ruleWarnings;
    // 2a: a delivery date typed here changes the pregnancy (checked as its own record).
    const delivery = code === "2a" ? valueOf(form, "delivery_date") || null : undefined;
    const deliveryChanged = code === "2a" && delivery !== (target.delivery_date ?? null);
    let pregnancyFields = null;
    if (deliveryChanged) {
      pregnancyFields = { ...editableOf("pregnancy", target), delivery_date: delivery, id: target.id };
      const res = checkFields("pregnancy", pregnancyFields, {
        today: app.today,
        mother,
        stored: target,
        records: { child: await all("child"), pregnancy: await all("pregnancy") },
      });
      for (const [name, list] of Object.entries(res.errors)) errors[name] = [...(errors[name] || []), ...list];
    }
    const loose = showErrors(form, errors);
    topErrors.replaceChildren();
    warnSlot.replaceChildren();
    if (Object.keys(errors).length) {
      topErrors.replaceChildren(
        problemsBox(t("Some answers need fixing: see the red messages below. Nothing you typed is lost."), loose),
      );
      form.querySelector(".has-error, .error")?.scrollIntoView({ block: "center" });
      return false;
    }
    if (warnings.length) {
      let box = confirmWrap;
      if (code !== "2b") {
        box = confirmBox("confirm_warnings", t("I checked the warnings: save anyway."));
        warnSlot.replaceChildren(warningsBox(warnings), box);
        if (!form.dataset.warned) {
          form.dataset.warned = "1";
          box.scrollIntoView({ block: "center" });
          return false;
        }
      }
      const ok = box.querySelector("input").checked;
      if (!ok) {
        box.hidden = false;
        showErrors(form, { [box.dataset.field]: [t("Check the warnings above, then tick this box if the numbers are right.")] });
        box.scrollIntoView({ block: "center" });
        return false;
      }
    }
    // The month's record as the phone holds it now: one saved since this form was drawn (a
    // sync that brought it, the same month saved in another tab) is updated, not doubled.
    const current =
      (await all(kind)).find((x) => targetOf(x) === target.id && x.month && x.month.slice(0, 7) === params.month) ||
      record;
    await save(kind, { ...fields, id: current?.id ?? recordId }, current);
    if (pregnancyFields) await save("pregnancy", pregnancyFields, target);
    app.flash = t("Saved on this phone, not yet sent.");
    // A delivery just recorded: on to the newborn, as the online page offers it.
    go(deliveryChanged && delivery ? `#/bayi/${target.id}` : back);
    return true;
  });

  return h(
    "div",
    { class: "screen month", "data-screen": `month-${code}` },
    h("p", { class: "crumbs" }, h("a", { href: back }, `← ${t("Tasks")}`)),
    head,
    form,
  );
}

/** The gestation month proposed for a new 2a record and what it is based on
 * (rules.gestation_for_month through rules.js): {month, note}. */
function proposedGestation(pregnancy, month, existing) {
  const earlier = existing
    .filter((x) => x.month < month && x.gestation_month)
    .sort((a, b) => (a.month < b.month ? 1 : -1))[0];
  const typed = earlier ? earlier.gestation_month : pregnancy.gestation_month;
  const typedIn = earlier ? earlier.month : pregnancy.created_at?.slice(0, 10) || app.today;
  if (!app.rules?.gestationForMonth) return { month: null, note: "" };
  try {
    const g = app.rules.gestationForMonth(month, {
      typed: typed ?? null,
      typedIn,
      dueDate: pregnancy.due_date ?? null,
      deliveryDate: pregnancy.delivery_date ?? null,
    });
    return { month: g?.month ?? null, note: g?.note || "" };
  } catch {
    return { month: null, note: "" };
  }
}

export function notFound() {
  return h(
    "div",
    { class: "screen", "data-screen": "not-found" },
    h("section", { class: "card" }, h("p", {}, t("Not found on this phone.")), h("a", { class: "button", href: "#/" }, `← ${t("Tasks")}`)),
  );
}

