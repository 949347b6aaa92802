"""Fill Romanian and Catalan translations into .po catalogues from a JSON file.

    python tools/translate.py LOCALE_DIR translations.json

LOCALE_DIR holds ro/LC_MESSAGES/django.po and ca/LC_MESSAGES/django.po (the
project's `locale` or an app's `twinschools/<app>/locale`). The JSON file is a
list of objects: {"msgid": ..., "context": optional, "ro": ..., "ca": ...}; for
plural entries "ro" and "ca" are lists, one form per plural form of the
language. Matching entries get the translation and lose any fuzzy flag; the
script prints entries still untranslated or fuzzy afterwards.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import polib


def apply(po_path: Path, language: str, entries: list[dict]) -> list[str]:
    po = polib.pofile(str(po_path), wrapwidth=79)
    wanted = {(entry.get("context") or None, entry["msgid"]): entry[language] for entry in entries}
    for item in po:
        key = (item.msgctxt or None, item.msgid)
        if key not in wanted:
            continue
        value = wanted[key]
        if item.msgid_plural:
            forms = value if isinstance(value, list) else [value]
            item.msgstr_plural = {index: form for index, form in enumerate(forms)}
        else:
            item.msgstr = value
        if "fuzzy" in item.flags:
            item.flags.remove("fuzzy")
            item.previous_msgid = item.previous_msgctxt = item.previous_msgid_plural = None
    po.save()
    return [
        f"{language}: {item.msgctxt + ' | ' if item.msgctxt else ''}{item.msgid}"
        for item in po
        if not item.obsolete and (not item.translated() or "fuzzy" in item.flags)
    ]


def main() -> int:
    locale_dir, json_path = Path(sys.argv[1]), Path(sys.argv[2])
    entries = json.loads(json_path.read_text(encoding="utf-8"))
    missing: list[str] = []
    for language in ("ro", "ca"):
        po_path = locale_dir / language / "LC_MESSAGES" / "django.po"
        missing += apply(po_path, language, entries)
    for line in missing:
        print(f"still missing: {line}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
