// A record's sync state in words, and the list of every record not yet sent or to be checked:
// "belum terkirim" / "terkirim" / "perlu diperiksa: <alasan>", with the way to fix one that
// needs checking (open its form, change, save again: the save makes a new outbox operation).

import { MONTHLY, all, app, get, status, targetOf } from "./data.js";
import { notFound } from "./month.js";
import { stateBadge } from "./tasks.js";
import { h, monthLabel, t } from "./ui.js";

const KIND_LABEL = {
  household: "Household",
  mother: "Mother",
  pregnancy: "Pregnancy",
  child: "Child",
  pregnancy_visit: "Pregnancy (2a)",
  child_visit: "Child 0-23 months (2b)",
  paud_record: "PAUD (2c)",
};
const FORM_OF = Object.fromEntries(Object.entries(MONTHLY).map(([form, kind]) => [kind, form]));

/** A readable name for a record and the address of the screen that edits it. */
export async function describe(kind, rec) {
  if (MONTHLY[FORM_OF[kind]]) {
    const form = FORM_OF[kind];
    const targetKind = form === "2a" ? "pregnancy" : "child";
    const target = await get(targetKind, targetOf(rec));
    let name = target?.name || "";
    if (targetKind === "pregnancy") name = (await get("mother", target?.mother))?.name || "";
    return {
      name: `${name} · ${rec.month ? monthLabel(rec.month) : ""}`,
      edit: target && rec.month ? `#/isi/${form}/${target.id}/${rec.month.slice(0, 7)}` : null,
    };
  }
  const edit = `#/ubah/${kind}/${rec.id}`;
  if (kind === "household") return { name: rec.head_name || "", edit };
  if (kind === "pregnancy") return { name: (await get("mother", rec.mother))?.name || "", edit };
  return { name: rec.name || "", edit };
}

/** #/data/<kind>/<id>: one record's state, the server's reasons, and the way to fix it. */
export async function recordScreen(params) {
  const rec = await get(params.kind, params.id);
  if (!rec) return notFound();
  const st = await status(params.kind, params.id);
  const env = await app.store.get(params.kind, params.id);
  const { name, edit } = await describe(params.kind, rec);
  const errors = env?.errors ? Object.values(env.errors).flat() : [];
  return h(
    "div",
    { class: "screen record", "data-screen": "record" },
    h("p", { class: "crumbs" }, h("a", { href: "#/status" }, `← ${t("Not sent and to check")}`)),
    h(
      "section",
      { class: "card" },
      h("p", { class: "muted small" }, t(KIND_LABEL[params.kind])),
      h("h1", {}, name),
      h("p", { "data-testid": "record-state" }, stateBadge(st)),
      errors.length ? h("ul", { class: "error" }, errors.map((e) => h("li", {}, e))) : null,
      st.state === "check"
        ? h("p", { class: "note" }, t("Fix it: change the answers below and save again."))
        : st.state === "unsent"
          ? h("p", { class: "small muted" }, t("Kept on this phone; sent when there is signal."))
          : null,
      edit ? h("a", { class: "button primary wide-link", href: edit }, t("Open and change")) : null,
    ),
  );
}

/** #/status: every record still unsent or to check, newest first. */
export async function statusScreen() {
  const rows = [];
  for (const kind of Object.keys(KIND_LABEL)) {
    for (const env of (await app.store.all(kind)) || []) {
      if (!env.state || env.state === "sent") continue;
      const rec = env.fields ? { ...env.fields, id: env.id } : env;
      const { name } = await describe(kind, rec);
      rows.push({ kind, env, name });
    }
  }
  rows.sort((a, b) => (a.env.state === b.env.state ? 0 : a.env.state === "check" ? -1 : 1) || String(b.env.updated_at).localeCompare(String(a.env.updated_at)));
  return h(
    "div",
    { class: "screen status", "data-screen": "status" },
    h("p", { class: "crumbs" }, h("a", { href: "#/" }, `← ${t("Tasks")}`)),
    h(
      "section",
      { class: "card group" },
      h("h1", {}, t("Not sent and to check")),
      rows.length
        ? h(
            "ul",
            { class: "tasklist" },
            rows.map(({ kind, env, name }) =>
              h(
                "li",
                { "data-kind": kind },
                h(
                  "a",
                  { href: `#/data/${kind}/${env.id}` },
                  h(
                    "span",
                    { class: "tname" },
                    h("b", {}, name),
                    h("small", {}, t(KIND_LABEL[kind])),
                    h("small", { class: "syncline" }, stateBadge({ state: env.state, reason: env.reason })),
                  ),
                ),
              ),
            ),
          )
        : h("p", { class: "muted" }, t("Everything on this phone has been sent.")),
    ),
  );
}
