// "Perlu perhatian" on the phone (#/perhatian): who needs attention, and why, computed from the
// phone's own store with attention.js (the port of tikar/posyandu/attention.py), so it works
// without signal. Beside it, what each target still needs this quarter, from the copy of
// /api/sync/needs/ the last sync stored (meta "needs"), labelled with that sync's time.
//
// What the phone derives from its records (the server stores these on each ChildVisit):
// N/T/O/B and 2T with weighing.js judgeSeries over the child's months on the phone (this month
// and the 5 before: enough for the current and previous month's judgement), the z-scores with
// who2006.js scoreVisit. What precedes the phone's records (the last weighing, the first stunted
// or wasted month, older immunisation answers and LiLA) comes from the first download's
// `before_window` summary (download.py), used only where the phone's records do not reach back
// (its `weighed` also makes the first weighing on the phone O, not B: judgeSeries weighedBefore).

import { all, app, kbmTable, posyanduName, weighedBeforeMonth } from "./data.js";
import { ageOn, h, monthEnd, t } from "./ui.js";

const POSTNATAL_DAYS = 42;

let ATTENTION = null;

async function engine() {
  if (!ATTENTION) {
    const mod = await import("../attention.js");
    mod.loadSchedule(app.growth?.immunisation);
    ATTENTION = mod;
  }
  return ATTENTION;
}

const missing = (v) => v === null || v === undefined || v === "";
const byMonth = (a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0);

function groupBy(rows, key) {
  const out = new Map();
  for (const r of rows) {
    const k = r[key];
    if (!out.has(k)) out.set(k, []);
    out.get(k).push(r);
  }
  return out;
}

/** The completed months of a judgement: on the visit date, else the month's last day. */
function judgementAge(birth, month, visitDate) {
  return ageOn(birth, visitDate || monthEnd(month)).months;
}

/** ChildMonth facts (attention.js shapes) of one child's records on the phone. `before`: the
 * child's `before_window` (a weighing older than the phone's months makes the first one on the
 * phone O, not B, as the server judges it). */
export function childMonths(child, visits, before = null) {
  const sorted = [...visits].sort(byMonth);
  const judged = app.weighing
    ? app.weighing.judgeSeries(
        sorted.map((v) => ({
          month: v.month,
          age_months: judgementAge(child.birth_date, v.month, v.visit_date),
          weight_kg: missing(v.weight_kg) ? null : v.weight_kg,
          override_reason: v.gain_override_reason || "",
        })),
        kbmTable(),
        { weighedBefore: sorted.length > 0 && weighedBeforeMonth(before, sorted[0].month) },
      )
    : [];
  return sorted.map((v, i) => {
    const j = judged[i] || {};
    let score = null;
    const measured = !missing(v.weight_kg) || !missing(v.length_cm);
    if (measured && v.visit_date && app.who?.scoreVisit) {
      try {
        score = app.who.scoreVisit({ ...v, sex: child.sex, birth_date: child.birth_date });
      } catch {
        score = null;
      }
    }
    const zOf = (name) => (score && Number.isFinite(score[name]) ? score[name] : null);
    return {
      month: v.month,
      weight_kg: missing(v.weight_kg) ? null : v.weight_kg,
      weight_gain: j.code || "",
      weight_gain_g: j.gain_g ?? null,
      weight_gain_kbm_g: j.kbm_g ?? null,
      two_t: Boolean(j.two_t),
      zwei: zOf("zwei"),
      oedema: v.oedema ?? null,
      length_cm: missing(v.length_cm) ? null : v.length_cm,
      zlen: zOf("zlen"),
      flen: score ? Boolean(score.flen) : null,
      zwfl: zOf("zwfl"),
      fwfl: score ? Boolean(score.fwfl) : null,
      immunisation_up_to_date: v.immunisation_up_to_date ?? null,
      immunisation_basic_complete: v.immunisation_basic_complete ?? null,
      immunisation_measles: v.immunisation_measles ?? null,
    };
  });
}

function daysBetween(a, b) {
  const d = (s) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Math.round((d(b) - d(a)) / 86400000);
}

/** {record id: summary} of the first download's `before_window` (children and pregnancies): what
 * their records older than the snapshot's months say, kept by sync.js beside the fields. */
async function beforeWindow() {
  const out = new Map();
  for (const kind of ["child", "pregnancy"]) {
    for (const r of (await app.store.all(kind)) || []) if (r.before_window) out.set(r.id, r.before_window);
  }
  return out;
}

/** Every AttentionItem of the desa on the phone, sorted (rujuk first), for `today`. */
export async function attentionItems(today = app.today) {
  const A = await engine();
  const [children, childVisits, pregnancies, pregnancyVisits, mothers, households, before] = await Promise.all([
    all("child"),
    all("child_visit"),
    all("pregnancy"),
    all("pregnancy_visit"),
    all("mother"),
    all("household"),
    beforeWindow(),
  ]);
  const motherOf = new Map(mothers.map((m) => [m.id, m]));
  const householdOf = new Map(households.map((x) => [x.id, x]));
  const cvOf = groupBy(childVisits, "target");
  const pvOf = groupBy(pregnancyVisits, "target");
  const month = today.slice(0, 7);
  const items = [];
  for (const c of children) {
    if (c.closed_at || !c.birth_date) continue;
    const facts = {
      birth: c.birth_date,
      sex: c.sex,
      name: c.name,
      months: childMonths(c, cvOf.get(c.id) || [], before.get(c.id) || null),
      before: before.get(c.id) || null,
    };
    const reasons = A.childReasons(facts, today);
    if (!reasons.length) continue;
    const hh = householdOf.get(c.household);
    const mother = motherOf.get(c.mother);
    const posyandu = c.posyandu ?? hh?.posyandu;
    const age = ageOn(c.birth_date, today).months;
    items.push({
      kind: "child",
      id: c.id,
      name: c.name,
      reasons,
      posyandu: posyanduName(posyandu),
      posyandu_id: String(posyandu ?? ""),
      dusun: hh?.dusun || "",
      rt: hh?.rt || "",
      url: `#/isi/2b/${c.id}/${month}`,
      phone: mother?.phone || "",
      mother: mother?.name || "",
      age: `${age} bulan`,
    });
  }
  const pnc = app.config?.user?.pnc_standard ?? 3;
  for (const p of pregnancies) {
    if (p.closed_at) continue;
    if (p.delivery_date && daysBetween(p.delivery_date, today) > POSTNATAL_DAYS) continue;
    const visits = (pvOf.get(p.id) || []).map((v) => ({
      month: v.month,
      muac_cm: missing(v.muac_cm) ? null : v.muac_cm,
      postnatal_checks: Number(v.postnatal_checks) || 0,
      risk_status: v.risk_status || "",
    }));
    const facts = {
      due_date: p.due_date || null,
      delivery_date: p.delivery_date || null,
      risk_status: p.risk_status || "normal",
      visits,
      pnc_standard: pnc,
      name: "",
      before: before.get(p.id) || null,
    };
    const reasons = A.pregnancyReasons(facts, today);
    if (!reasons.length) continue;
    const mother = motherOf.get(p.mother);
    const hh = householdOf.get(mother?.household);
    const posyandu = p.posyandu ?? hh?.posyandu;
    const nifas = Boolean(p.delivery_date && p.delivery_date <= today);
    items.push({
      kind: "pregnancy",
      id: p.id,
      name: mother?.name || "",
      reasons,
      posyandu: posyanduName(posyandu),
      posyandu_id: String(posyandu ?? ""),
      dusun: hh?.dusun || "",
      rt: hh?.rt || "",
      url: `#/isi/2a/${p.id}/${month}`,
      phone: mother?.phone || "",
      mother: mother?.name || "",
      age: nifas ? "nifas" : "hamil",
    });
  }
  return A.sortItems(items);
}

/** The stored needs ({fetched_at, data}) of the last sync, or null. */
async function storedNeeds() {
  try {
    return await app.store.meta.get("needs");
  } catch {
    return null;
  }
}

function timeLabel(isoTime) {
  try {
    return new Intl.DateTimeFormat("id-ID", { dateStyle: "long", timeStyle: "short" }).format(new Date(isoTime));
  } catch {
    return isoTime;
  }
}

function needsLines(needs) {
  return h(
    "ul",
    { class: "needs" },
    needs.map((n) => h("li", {}, n.text, n.points ? h("small", { class: "muted" }, ` · +${String(n.points).replace(".", ",")}`) : null)),
  );
}

function itemView(A, item, needsOf) {
  const rujuk = A.levelOf(item) === A.RUJUK;
  const needs = needsOf?.[item.id]?.needs || [];
  const where = [item.age, item.posyandu, item.dusun].filter(Boolean).join(" · ");
  return h(
    "li",
    { class: `attention-item ${rujuk ? "rujuk" : "ingat"}`, "data-target": item.id, "data-kind": item.kind },
    h(
      "p",
      { class: "aname" },
      h("span", { class: `pill ${rujuk ? "bad" : ""}` }, rujuk ? t("Refer") : t("Remind")),
      " ",
      h("a", { href: item.url }, h("b", {}, item.name || "–")),
      where ? h("small", { class: "muted" }, ` · ${where}`) : null,
    ),
    h(
      "ul",
      { class: "reasons" },
      item.reasons.map((r) => h("li", { "data-code": r.code, class: r.level }, r.text)),
    ),
    needs.length
      ? h("div", { class: "small", "data-testid": "item-needs" }, h("b", {}, `${t("Still needed this quarter")}:`), needsLines(needs))
      : null,
    h(
      "p",
      { class: "actions" },
      h("a", { class: "button", href: item.url }, t("Open")),
      " ",
      h(
        "a",
        {
          class: "button wa",
          href: A.whatsappOf(item),
          target: "_blank",
          rel: "noopener",
          "data-testid": "wa",
        },
        t("WhatsApp reminder"),
      ),
    ),
  );
}

/** The count of targets needing attention (the tasks screen's link). */
export async function attentionCount() {
  try {
    return (await attentionItems()).length;
  } catch (e) {
    console.warn("attention", e);
    return null;
  }
}

export async function attentionScreen() {
  const A = await engine();
  const items = await attentionItems();
  const stored = await storedNeeds();
  const needs = stored?.data?.targets || null;
  const rujuk = items.filter((i) => A.levelOf(i) === A.RUJUK).length;

  const needsSection = stored
    ? h(
        "section",
        { class: "card", "data-testid": "needs" },
        h("h2", {}, t("What each target still needs this quarter")),
        h(
          "p",
          { class: "small muted", "data-testid": "needs-time" },
          t("according to the last sync %(time)s", { time: timeLabel(stored.fetched_at) }),
        ),
        stored.data?.convergence?.percent
          ? h(
              "p",
              { class: "small" },
              t("Convergence now %(now)s, %(then)s if all of it is done.", {
                now: `${String(stored.data.convergence.percent).replace(".", ",")}%`,
                then: `${String(stored.data.convergence.percent_if_met ?? "").replace(".", ",")}%`,
              }),
            )
          : null,
        Object.keys(needs || {}).length
          ? h(
              "ul",
              { class: "needs-list" },
              Object.entries(needs)
                .filter(([, x]) => x.needs && x.needs.length)
                .map(([id, x]) =>
                  h(
                    "li",
                    { "data-target": id },
                    h("b", {}, x.name),
                    x.points ? h("small", { class: "muted" }, ` · +${String(x.points).replace(".", ",")} ${t("points")}`) : null,
                    needsLines(x.needs),
                  ),
                ),
            )
          : h("p", { class: "muted" }, t("Nothing is missing this quarter.")),
      )
    : h(
        "section",
        { class: "card", "data-testid": "needs" },
        h("h2", {}, t("What each target still needs this quarter")),
        h("p", { class: "muted" }, t("Sync once with signal to see it.")),
      );

  return h(
    "div",
    { class: "screen attention", "data-screen": "attention" },
    h("p", { class: "crumbs" }, h("a", { href: "#/" }, `← ${t("Tasks")}`)),
    h("div", { class: "titlebar" }, h("h1", {}, `${t("Needs attention")} (${items.length})`)),
    h(
      "p",
      { class: "small muted" },
      t("Worked out on this phone from the data on it, also without signal: %(n)s to refer.", { n: rujuk }),
    ),
    h(
      "p",
      { class: "small note" },
      t("The WhatsApp link opens WhatsApp with the reminder written; without signal it is sent when the phone has signal again."),
    ),
    items.length
      ? h("section", { class: "card" }, h("ul", { class: "attention-list", "data-testid": "attention-list" }, items.map((i) => itemView(A, i, needs))))
      : h("section", { class: "card" }, h("p", { class: "muted" }, t("No target needs attention now."))),
    needsSection,
  );
}
