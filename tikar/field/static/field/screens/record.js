// A record's sync state in words, and the list of every record not yet sent or to be checked:
// "belum terkirim" / "terkirim" / "perlu diperiksa: <alasan>", with the way to fix one that
// needs checking (open its form, change, save again: the save makes a new outbox operation).

import { MONTHLY, app, get, status, targetOf } from "./data.js";
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

/** The likely-duplicate warnings the server gave this record at its last sync (shape of the
 * sync answer's `warnings`: [{field, code, message}]), unless the KPM has checked them. */
export function duplicateWarnings(env) {
  if (!env || env.warnings_checked) return [];
  return (env.warnings || []).filter((w) => w && w.code === "likely_duplicate");
}

/** A readable name for a record and the address of the screen that edits it. A record whose
 * target is no longer on the phone (deleted on the server) is named by its kind and month. */
export async function describe(kind, rec) {
  if (MONTHLY[FORM_OF[kind]]) {
    const form = FORM_OF[kind];
    const targetKind = form === "2a" ? "pregnancy" : "child";
    const target = await get(targetKind, targetOf(rec));
    let name = target?.name || "";
    if (targetKind === "pregnancy") name = (await get("mother", target?.mother))?.name || "";
    if (!name) name = t(KIND_LABEL[kind]);
    return {
      name: rec.month ? `${name} · ${monthLabel(rec.month)}` : name,
      edit: target && rec.month ? `#/isi/${form}/${target.id}/${rec.month.slice(0, 7)}` : null,
    };
  }
  const edit = `#/ubah/${kind}/${rec.id}`;
  let name = rec.name || "";
  if (kind === "household") name = rec.head_name || "";
  if (kind === "pregnancy") name = (await get("mother", rec.mother))?.name || "";
  return { name: name || t(KIND_LABEL[kind]), edit };
}

/** A button that asks first: the first tap shows the question with "yes" and "cancel". */
function askFirst(label, question, yes, action, testid) {
  const box = h("div", { class: "askfirst", "data-testid": testid });
  const ask = () =>
    box.replaceChildren(
      h("p", { class: "note" }, question),
      h(
        "div",
        { class: "actions" },
        h("button", { type: "button", class: "button danger", "data-testid": `${testid}-yes`, onclick: action }, yes),
        h("button", { type: "button", class: "button", onclick: closed }, t("cancel")),
      ),
    );
  const closed = () =>
    box.replaceChildren(h("button", { type: "button", class: "button wide", "data-testid": `${testid}-ask`, onclick: ask }, label));
  closed();
  return box;
}

/** #/data/<kind>/<id>: one record's state, the server's reasons, and the way to fix it. */
export async function recordScreen(params, query, go) {
  const { kind, id } = params;
  // The envelope, not data.js's view of it: a refused record stays reachable even when what
  // it points at is gone from the phone.
  const env = await app.store.get(kind, id);
  if (!env || !KIND_LABEL[kind]) return notFound();
  const rec = env.fields ? { ...env.fields, id: env.id } : env;
  const st = await status(kind, id);
  const { name, edit } = await describe(kind, rec);
  const errors = env.errors ? Object.values(env.errors).flat() : [];
  const conflict = st.state === "check" && env.conflict?.id ? env.conflict : null;
  const duplicates = duplicateWarnings(env);
  const pending = await app.store.hasPending(kind, id);
  const redraw = () => (go ? go(`#/data/${kind}/${id}`) : null);

  let help = null;
  let actions = [];
  if (conflict) {
    // Both versions are kept on the server; a new save here would only overwrite the other
    // phone's value, so the way out is the conflict page (docs/offline.md "Conflicts are
    // resolved by people").
    const url = `/konflik/${encodeURIComponent(conflict.id)}/`;
    help = h(
      "div",
      { class: "note", "data-testid": "conflict-help" },
      h("p", {}, t("Another phone changed this record at the same time. Both versions are kept on the server; choose there which one is right.")),
      conflict.conflicting_fields?.length
        ? h("p", { class: "small" }, t("Do not change these answers here until the conflict is resolved."))
        : null,
      navigator.onLine
        ? h("a", { class: "button primary wide-link", href: url, "data-testid": "conflict-link" }, t("Open the conflict page"))
        : h("p", { class: "small", "data-testid": "conflict-offline" }, t("The conflict page needs signal. Open it when there is signal.")),
    );
  } else if (st.state === "check" && duplicates.length && !errors.length) {
    help = h(
      "div",
      { class: "warnbox", "data-testid": "duplicate-help" },
      h("p", {}, t("The server says this person may already be registered. Check that it is not the same person.")),
      h("ul", {}, duplicates.map((w) => h("li", {}, w.message))),
    );
    actions.push(
      h(
        "button",
        {
          type: "button",
          class: "button primary wide",
          "data-testid": "duplicate-checked",
          onclick: async () => {
            // Local only: the server keeps the record either way (a warning never blocks).
            await app.store.db.table(kind).update(id, { state: "sent", reason: null, warnings_checked: true });
            app.store.changed();
            redraw();
          },
        },
        t("I have checked it"),
      ),
      askFirst(
        t("Delete it, it is a duplicate"),
        t("Delete this record? The deletion is sent to the server."),
        t("Yes, delete"),
        async () => {
          await app.store.remove(kind, id);
          go?.("#/status");
        },
        "duplicate-delete",
      ),
    );
  } else if (st.state === "check") {
    help = h("p", { class: "note" }, t("Fix it: change the answers below and save again."));
    if (!pending && env.version == null) {
      // A refused create with nothing waiting to go (e.g. what it points at was deleted on
      // the server): the phone's copy is the only thing left, so the KPM may drop it. (Not a
      // refused update: the phone would lose the server's record until it changes again.)
      actions.push(
        askFirst(
          t("Delete from this phone"),
          t("Delete this record from this phone? The server never accepted it, so it will be gone."),
          t("Yes, delete"),
          async () => {
            await app.store.db.table(kind).delete(id);
            app.store.changed();
            go?.("#/status");
          },
          "drop-local",
        ),
      );
    }
  } else if (st.state === "unsent") {
    help = h("p", { class: "small muted" }, t("Kept on this phone; sent when there is signal."));
  }
  return h(
    "div",
    { class: "screen record", "data-screen": "record" },
    h("p", { class: "crumbs" }, h("a", { href: "#/status" }, `← ${t("Not sent and to check")}`)),
    h(
      "section",
      { class: "card" },
      h("p", { class: "muted small" }, t(KIND_LABEL[kind])),
      h("h1", {}, name),
      // The reason in the badge only when no box below says it in full.
      h("p", { "data-testid": "record-state" }, stateBadge(errors.length || help?.dataset?.testid ? { ...st, reason: null } : st)),
      errors.length ? h("ul", { class: "error" }, errors.map((e) => h("li", {}, e))) : null,
      help,
      edit && !conflict && !env.deleted
        ? h("a", { class: "button primary wide-link", href: edit }, t("Open and change"))
        : null,
      ...actions,
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
