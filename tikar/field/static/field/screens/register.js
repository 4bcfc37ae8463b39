// Registering offline, as the online register page does (tikar/templates/households/register.html,
// tikar/households/forms.py) but on one screen: the household, then a pregnant woman (mother +
// pregnancy) or a child (mother + child). Also the delivery of a pregnancy and its newborn.
// Every record gets a UUID made here, once, when the form is drawn (not per tap): a second
// submit that slips through saves the same records again, which the store folds into their
// unsent operations instead of registering the family twice. The outbox sends them in the
// order they were saved (household, mother, then the pregnancy or child that points at them).

import { all, app, get, posyanduList, save } from "./data.js";
import { checkFields, editableOf, problemsBox, warningsBox } from "./checks.js";
import { notFound } from "./month.js";
import {
  confirmBox,
  dayLabel,
  field,
  h,
  input,
  intValue,
  monthOf,
  newId,
  onSubmitOnce,
  select,
  showErrors,
  t,
  toggle,
  valueOf,
  yesNo,
  yesNoValue,
} from "./ui.js";

const text = (name, label, opts = {}) =>
  field(name, t(label), input(name, { inputmode: opts.inputmode, value: opts.value ?? "" }), {
    help: opts.help ? t(opts.help) : null,
  });
const day = (name, label, opts = {}) =>
  field(name, t(label), input(name, { type: "date", value: opts.value ?? "" }), { help: opts.help ? t(opts.help) : null });

const SEX = () => [
  ["L", "Laki-laki"],
  ["P", "Perempuan"],
];
const RISK = [
  ["normal", "Normal"],
  ["risti", "Risti"],
  ["kek", "KEK"],
];

/** Errors of several records on one form: `prefix.field` names (e.g. "mother.nik"). */
function prefixed(prefix, errors) {
  if (!prefix) return errors;
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${prefix}.${k}`, v]));
}

/**
 * Check a list of [kind, prefix, fields, ctx] and show the result on `form`; true when it may be
 * saved (no error, and warnings confirmed with the box in `slots.warn`).
 */
function checkAll(form, items, slots) {
  let errors = {};
  const warnings = [];
  for (const [kind, prefix, fields, ctx] of items) {
    const res = checkFields(kind, fields, ctx);
    errors = { ...errors, ...prefixed(prefix, res.errors) };
    warnings.push(...res.warnings);
  }
  const loose = showErrors(form, errors);
  slots.top.replaceChildren();
  if (Object.keys(errors).length) {
    slots.top.replaceChildren(
      problemsBox(t("Some answers need fixing: see the red messages below. Nothing you typed is lost."), loose),
    );
    (form.querySelector(".has-error") || slots.top).scrollIntoView({ block: "center" });
    slots.warn.replaceChildren();
    return false;
  }
  if (!warnings.length) {
    slots.warn.replaceChildren();
    return true;
  }
  const box = slots.warn.querySelector('[name="confirm_warnings"]');
  if (box && box.checked) return true;
  const confirm = confirmBox("confirm_warnings", t("I checked the warnings: save anyway."));
  slots.warn.replaceChildren(warningsBox(warnings), confirm);
  confirm.scrollIntoView({ block: "center" });
  return false;
}

function posyanduField(name, value) {
  return field(
    name,
    t("Posyandu"),
    select(
      name,
      [["", t("(not yet known)")], ...posyanduList().filter((p) => p.active !== false).map((p) => [String(p.id), p.name])],
      value ?? "",
    ),
  );
}

function childFields(prefix, opts = {}) {
  return [
    text(`${prefix}.name`, "Child's name"),
    toggle(`${prefix}.sex`, t("Sex"), SEX(), ""),
    day(`${prefix}.birth_date`, "Birth date", { value: opts.birth }),
    text(`${prefix}.nik`, "Child's NIK", {
      inputmode: "numeric",
      help: "16 digits. A newborn without a NIK: fill the temporary number.",
    }),
    text(`${prefix}.temp_number`, "Temporary number", {
      inputmode: "numeric",
      help: "The mother's NIK followed by one digit (1 for the first baby).",
    }),
  ];
}

function childTail(prefix) {
  return [
    text(`${prefix}.kia_number`, "KIA register number"),
    yesNo(`${prefix}.birth_certificate`, t("Birth certificate (akta lahir)"), null),
    yesNo(`${prefix}.health_insurance`, t("Health insurance (JKN/BPJS/KIS)"), null),
  ];
}

/** A child's fields from a form; `prefix` names the registration form's group ("" on the
 * change screen, whose inputs have no prefix). */
function readChild(form, prefix) {
  const v = (n) => valueOf(form, prefix ? `${prefix}.${n}` : n);
  return {
    name: v("name").replace(/\s+/g, " "),
    sex: v("sex") || "",
    birth_date: v("birth_date") || null,
    nik: v("nik") || null,
    temp_number: v("temp_number") || "",
    kia_number: v("kia_number") || "",
    birth_certificate: yesNoValue(v("birth_certificate")),
    health_insurance: yesNoValue(v("health_insurance")),
  };
}

function slotsOf() {
  return { top: h("div", {}), warn: h("div", {}) };
}

// -- register a household with a pregnancy or a child ----------------------------------------

export async function registerScreen(params, query, go) {
  const slots = slotsOf();
  // The ids of this registration (see the head of this file); the child's mother is optional.
  const ids = { household: newId(), mother: newId(), person: newId() };
  const kindToggle = toggle(
    "kind",
    t("Who do you register?"),
    [
      ["pregnancy", t("A pregnant woman")],
      ["child", t("A child")],
    ],
    query.get("jenis") || "",
  );
  const pregnancySection = h(
    "section",
    { class: "person", "data-person": "pregnancy", hidden: true },
    h("h2", {}, t("Pregnant woman")),
    text("mother.name", "Mother's name"),
    text("mother.nik", "Mother's NIK", { inputmode: "numeric", help: "16 digits from the KTP or KK. Leave empty if not known." }),
    day("mother.birth_date", "Mother's birth date"),
    text("mother.phone", "Phone", { inputmode: "tel" }),
    text("pregnancy.kia_number", "KIA register number"),
    day("pregnancy.due_date", "Expected delivery date (HPL)"),
    field(
      "pregnancy.gestation_month",
      t("Gestational month"),
      select("pregnancy.gestation_month", [["", "–"], ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => [String(i), String(i)])], ""),
    ),
    toggle("pregnancy.risk_status", t("Risk status"), RISK, "normal"),
    yesNo("pregnancy.health_insurance", t("Health insurance (JKN/BPJS/KIS)"), null),
  );
  const childSection = h(
    "section",
    { class: "person", "data-person": "child", hidden: true },
    h("h2", {}, t("Child")),
    childFields("child"),
    text("cmother.name", "Mother's name"),
    text("cmother.nik", "Mother's NIK", { inputmode: "numeric" }),
    childTail("child"),
  );
  const form = h(
    "form",
    { novalidate: true, class: "register" },
    slots.top,
    kindToggle,
    text("household.head_name", "Head of household"),
    h(
      "div",
      { class: "address" },
      text("household.dusun", "Dusun"),
      text("household.rt", "RT", { inputmode: "numeric" }),
      text("household.rw", "RW", { inputmode: "numeric" }),
    ),
    posyanduField("household.posyandu", ""),
    yesNo("household.safe_water", t("Safe drinking water"), null),
    yesNo("household.latrine", t("Proper latrine"), null),
    yesNo("household.vulnerable", t("Vulnerable household (rentan)"), null),
    pregnancySection,
    childSection,
    slots.warn,
    h("button", { class: "primary wide", type: "submit" }, t("Register")),
  );
  const showKind = () => {
    const k = valueOf(form, "kind");
    pregnancySection.hidden = k !== "pregnancy";
    childSection.hidden = k !== "child";
  };
  kindToggle.addEventListener("change", showKind);
  showKind();

  onSubmitOnce(form, async () => {
    const v = (n) => valueOf(form, n);
    const kind = v("kind");
    const posyandu = v("household.posyandu");
    const household = {
      id: ids.household,
      head_name: v("household.head_name").replace(/\s+/g, " "),
      dusun: v("household.dusun"),
      rt: v("household.rt"),
      rw: v("household.rw"),
      posyandu: posyandu ? Number(posyandu) : null,
      safe_water: yesNoValue(v("household.safe_water")),
      latrine: yesNoValue(v("household.latrine")),
      vulnerable: yesNoValue(v("household.vulnerable")),
    };
    const base = { today: app.today, household };
    const items = [["household", "household", household, base]];
    if (!kind) {
      showErrors(form, {});
      slots.top.replaceChildren(problemsBox(t("Choose a pregnant woman or a child.")));
      slots.top.scrollIntoView({ block: "center" });
      return false;
    }
    let mother = null;
    let person = null;
    if (kind === "pregnancy") {
      mother = {
        id: ids.mother,
        household: household.id,
        name: v("mother.name").replace(/\s+/g, " "),
        nik: v("mother.nik") || null,
        birth_date: v("mother.birth_date") || null,
        phone: v("mother.phone"),
      };
      person = {
        id: ids.person,
        mother: mother.id,
        kia_number: v("pregnancy.kia_number"),
        due_date: v("pregnancy.due_date") || null,
        gestation_month: intValue(v("pregnancy.gestation_month")),
        risk_status: v("pregnancy.risk_status") || "normal",
        health_insurance: yesNoValue(v("pregnancy.health_insurance")),
        posyandu: household.posyandu,
      };
      const records = { pregnancy: await all("pregnancy"), mother: await all("mother") };
      items.push(["mother", "mother", mother, { ...base, mother, records }]);
      items.push(["pregnancy", "pregnancy", person, { ...base, mother, records }]);
    } else {
      const motherName = v("cmother.name").replace(/\s+/g, " ");
      const motherNik = v("cmother.nik");
      if (motherName || motherNik) {
        mother = { id: ids.mother, household: household.id, name: motherName, nik: motherNik || null, birth_date: null, phone: "" };
      }
      person = { id: ids.person, household: household.id, mother: mother?.id ?? null, born_from: null, posyandu: household.posyandu, ...readChild(form, "child") };
      const records = { child: await all("child"), mother: await all("mother") };
      if (mother) items.push(["mother", "cmother", mother, { ...base, mother, records }]);
      items.push(["child", "child", person, { ...base, mother, records }]);
    }
    if (!checkAll(form, items, slots)) return false;
    await save("household", household);
    if (mother) await save("mother", mother);
    await save(kind, person);
    app.flash = t("Saved on this phone, not yet sent.");
    go("#/");
    return true;
  });

  return h(
    "div",
    { class: "screen register", "data-screen": "register" },
    h("p", { class: "crumbs" }, h("a", { href: "#/" }, `← ${t("Tasks")}`)),
    h("section", { class: "card narrow register" }, h("h1", {}, t("New household")), form),
  );
}

// -- the delivery of a pregnancy --------------------------------------------------------------

export async function deliveryScreen(params, query, go) {
  const pregnancy = await get("pregnancy", params.id);
  if (!pregnancy) return notFound();
  const mother = await get("mother", pregnancy.mother);
  const slots = slotsOf();
  const form = h(
    "form",
    { novalidate: true },
    slots.top,
    day("delivery_date", "Delivery date", { value: pregnancy.delivery_date || "", help: "Only once she has given birth." }),
    slots.warn,
    h("button", { class: "primary wide", type: "submit" }, t("Save")),
  );
  onSubmitOnce(form, async () => {
    const delivery = valueOf(form, "delivery_date") || null;
    if (!delivery) {
      showErrors(form, { delivery_date: [t("Fill the delivery date.")] });
      return false;
    }
    const fields = { ...editableOf("pregnancy", pregnancy), delivery_date: delivery };
    const ctx = {
      today: app.today,
      mother,
      stored: pregnancy,
      records: { child: await all("child"), pregnancy: await all("pregnancy") },
    };
    fields.id = pregnancy.id;
    if (!checkAll(form, [["pregnancy", "", fields, ctx]], slots)) return false;
    await save("pregnancy", fields, pregnancy);
    app.flash = t("Saved on this phone, not yet sent.");
    go(`#/bayi/${pregnancy.id}`);
    return true;
  });
  return h(
    "div",
    { class: "screen delivery", "data-screen": "delivery" },
    h("p", { class: "crumbs" }, h("a", { href: `#/isi/2a/${pregnancy.id}/${monthOf(app.today).slice(0, 7)}` }, `← ${mother?.name || ""}`)),
    h(
      "section",
      { class: "card narrow" },
      h("h1", {}, t("Record the delivery")),
      h("p", { class: "muted small" }, mother?.name || "", pregnancy.due_date ? ` · HPL ${dayLabel(pregnancy.due_date)}` : ""),
      form,
    ),
  );
}

// -- the newborn of a pregnancy ---------------------------------------------------------------

export async function newbornScreen(params, query, go) {
  const pregnancy = await get("pregnancy", params.id);
  if (!pregnancy) return notFound();
  const mother = await get("mother", pregnancy.mother);
  const household = await get("household", mother?.household);
  const slots = slotsOf();
  const already = (await all("child")).filter((c) => c.born_from === pregnancy.id);
  // Made once with the form (see the head of this file): a second tap saves the same child.
  const childId = newId();
  const form = h(
    "form",
    { novalidate: true },
    slots.top,
    childFields("child", { birth: pregnancy.delivery_date || "" }),
    childTail("child"),
    slots.warn,
    h("button", { class: "primary wide", type: "submit" }, t("Register")),
  );
  onSubmitOnce(form, async () => {
    const child = {
      id: childId,
      household: household?.id ?? mother?.household,
      mother: mother?.id ?? null,
      born_from: pregnancy.id,
      posyandu: pregnancy.posyandu ?? household?.posyandu ?? null,
      ...readChild(form, "child"),
    };
    const ctx = { today: app.today, household, mother, born_from: pregnancy, records: { child: await all("child") } };
    if (!checkAll(form, [["child", "child", child, ctx]], slots)) return false;
    await save("child", child);
    app.flash = t("Saved on this phone, not yet sent.");
    go(`#/?bulan=${monthOf(app.today)}`);
    return true;
  });
  return h(
    "div",
    { class: "screen newborn", "data-screen": "newborn" },
    h("p", { class: "crumbs" }, h("a", { href: "#/" }, `← ${t("Tasks")}`)),
    h(
      "section",
      { class: "card narrow register" },
      household
        ? h("p", { class: "muted small" }, `${t("Household")}: `, h("b", {}, household.head_name), household.dusun ? ` · ${t("Dusun")} ${household.dusun}` : "")
        : null,
      h("h1", {}, t("Register the newborn")),
      h("p", { class: "note" }, t("Child of %(mother)s, linked to her pregnancy.", { mother: mother?.name || "" })),
      already.length
        ? h("p", { class: "note" }, t("Already registered from this pregnancy:"), " ", already.map((c) => c.name).join(", "))
        : null,
      form,
    ),
  );
}

// -- change a registered record (to fix one that "perlu diperiksa", or a typo) ----------------

const EDIT_TITLE = { household: "Household", mother: "Mother", pregnancy: "Pregnant woman", child: "Child" };

function editFields(kind, r) {
  const yn = (name, label) => yesNo(name, t(label), r[name] ?? null);
  if (kind === "household") {
    return [
      text("head_name", "Head of household", { value: r.head_name }),
      h(
        "div",
        { class: "address" },
        text("dusun", "Dusun", { value: r.dusun }),
        text("rt", "RT", { inputmode: "numeric", value: r.rt }),
        text("rw", "RW", { inputmode: "numeric", value: r.rw }),
      ),
      posyanduField("posyandu", r.posyandu ?? ""),
      yn("safe_water", "Safe drinking water"),
      yn("latrine", "Proper latrine"),
      yn("vulnerable", "Vulnerable household (rentan)"),
    ];
  }
  if (kind === "mother") {
    return [
      text("name", "Mother's name", { value: r.name }),
      text("nik", "Mother's NIK", { inputmode: "numeric", value: r.nik, help: "16 digits from the KTP or KK. Leave empty if not known." }),
      day("birth_date", "Mother's birth date", { value: r.birth_date }),
      text("phone", "Phone", { inputmode: "tel", value: r.phone }),
    ];
  }
  if (kind === "pregnancy") {
    return [
      text("kia_number", "KIA register number", { value: r.kia_number }),
      day("due_date", "Expected delivery date (HPL)", { value: r.due_date }),
      field(
        "gestation_month",
        t("Gestational month"),
        select("gestation_month", [["", "–"], ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => [String(i), String(i)])], r.gestation_month ?? ""),
      ),
      toggle("risk_status", t("Risk status"), RISK, r.risk_status || "normal"),
      day("delivery_date", "Delivery date", { value: r.delivery_date, help: "Only once she has given birth." }),
      yn("health_insurance", "Health insurance (JKN/BPJS/KIS)"),
    ];
  }
  return [
    text("name", "Child's name", { value: r.name }),
    toggle("sex", t("Sex"), SEX(), r.sex || ""),
    day("birth_date", "Birth date", { value: r.birth_date }),
    text("nik", "Child's NIK", { inputmode: "numeric", value: r.nik, help: "16 digits. A newborn without a NIK: fill the temporary number." }),
    text("temp_number", "Temporary number", {
      inputmode: "numeric",
      value: r.temp_number,
      help: "The mother's NIK followed by one digit (1 for the first baby).",
    }),
    text("kia_number", "KIA register number", { value: r.kia_number }),
    yn("birth_certificate", "Birth certificate (akta lahir)"),
    yn("health_insurance", "Health insurance (JKN/BPJS/KIS)"),
  ];
}

function readEdit(kind, form) {
  const v = (n) => valueOf(form, n);
  if (kind === "household") {
    const p = v("posyandu");
    return {
      head_name: v("head_name").replace(/\s+/g, " "),
      dusun: v("dusun"),
      rt: v("rt"),
      rw: v("rw"),
      posyandu: p ? Number(p) : null,
      safe_water: yesNoValue(v("safe_water")),
      latrine: yesNoValue(v("latrine")),
      vulnerable: yesNoValue(v("vulnerable")),
    };
  }
  if (kind === "mother") {
    return { name: v("name").replace(/\s+/g, " "), nik: v("nik") || null, birth_date: v("birth_date") || null, phone: v("phone") };
  }
  if (kind === "pregnancy") {
    return {
      kia_number: v("kia_number"),
      due_date: v("due_date") || null,
      gestation_month: intValue(v("gestation_month")),
      risk_status: v("risk_status") || "normal",
      delivery_date: v("delivery_date") || null,
      health_insurance: yesNoValue(v("health_insurance")),
    };
  }
  return readChild(form, "");
}

/** #/ubah/<kind>/<id>: the register record's own fields; saving sends an update (or, for a
 * record the server refused to create, the create again). */
export async function editScreen(params, query, go) {
  const kind = params.kind;
  if (!EDIT_TITLE[kind]) return notFound();
  const record = await get(kind, params.id);
  if (!record) return notFound();
  const slots = slotsOf();
  const form = h(
    "form",
    { novalidate: true },
    slots.top,
    editFields(kind, record),
    slots.warn,
    h("button", { class: "primary wide", type: "submit" }, t("Save")),
  );
  onSubmitOnce(form, async () => {
    const fields = { ...editableOf(kind, record), ...readEdit(kind, form), id: record.id };
    const mother = kind === "child" || kind === "pregnancy" ? await get("mother", record.mother) : null;
    const ctx = {
      today: app.today,
      stored: record,
      mother,
      born_from: kind === "child" ? await get("pregnancy", record.born_from) : null,
      existing: kind === "child" ? [...(await all("child_visit")), ...(await all("paud_record"))].filter((x) => (x.target ?? x.child) === record.id) : [],
      records: { [kind]: await all(kind), child: await all("child") },
    };
    if (!checkAll(form, [[kind, "", fields, ctx]], slots)) return false;
    await save(kind, fields, record);
    app.flash = t("Saved on this phone, not yet sent.");
    go(`#/data/${kind}/${record.id}`);
    return true;
  });
  return h(
    "div",
    { class: "screen edit", "data-screen": "edit" },
    h("p", { class: "crumbs" }, h("a", { href: `#/data/${kind}/${record.id}` }, `← ${t("Back")}`)),
    h("section", { class: "card narrow register" }, h("h1", {}, t(EDIT_TITLE[kind])), form),
  );
}
