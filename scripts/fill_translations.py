"""Fill empty msgstr entries of locale/id/LC_MESSAGES/django.po from scripts/translations_*.py.

A developer tool (`make translations`); the product itself does not use it.
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
# Every scripts/translations_id*.py module contributes its ID dict (one per area of the app).
ID: dict[str, str] = {}
for module_path in sorted((ROOT / "scripts").glob("translations_id*.py")):
    namespace: dict = {}
    exec(module_path.read_text(encoding="utf-8"), namespace)
    ID.update(namespace["ID"])

po = polib.pofile(str(ROOT / "locale/id/LC_MESSAGES/django.po"))
missing = []
for entry in po:
    if entry.obsolete:
        continue
    if entry.msgid in ID:
        entry.msgstr = ID[entry.msgid]
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    elif not entry.msgstr or "fuzzy" in entry.flags:
        # A fuzzy guess from gettext is not a translation: report it as missing.
        missing.append(entry.msgid)
po.metadata_is_fuzzy = False
po.metadata["Project-Id-Version"] = "Tikar"
po.metadata["Language"] = "id"
po.metadata["Language-Team"] = "Tikar <dev@tikar.invalid>"
po.metadata["Last-Translator"] = "Tikar developers <dev@tikar.invalid>"
po.metadata["PO-Revision-Date"] = po.metadata.get("POT-Creation-Date", "")
po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
po.save()
print(f"{len(missing)} untranslated")
for m in missing:
    print("  ", repr(m))
