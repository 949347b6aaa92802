"""Fail when a user-facing string is missing from, untranslated in, or fuzzy in ro or ca.

It refreshes the message catalogues from the source first (makemessages), so a
new string that nobody added to the .po files is caught too.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("ro", "ca")
STATISTICS = re.compile(r"(\d+) (translated|fuzzy|untranslated)")


def refresh_catalogues() -> None:
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "--no-obsolete",
            "--ignore=.venv/*",
            "--ignore=node_modules/*",
            "--ignore=var/*",
            "--ignore=tests/*",
            "--ignore=bench/*",
            *[f"--locale={language}" for language in LANGUAGES],
            "-v0",
        ],
        cwd=ROOT,
        check=True,
        env={**os.environ, "DJANGO_DEBUG": "true"},
    )


def statistics(po_file: Path) -> dict[str, int]:
    result = subprocess.run(
        ["msgfmt", "--statistics", "--check-format", "-o", os.devnull, str(po_file)],
        capture_output=True,
        text=True,
        check=True,
    )
    return {kind: int(count) for count, kind in STATISTICS.findall(result.stderr)}


def header_problem(po_file: Path, language: str) -> str | None:
    """A fuzzy header is dropped by msgfmt, and with it Romanian's three plural forms."""
    head = po_file.read_text(encoding="utf-8").split("\n\n", 1)[0]
    if "#, fuzzy" in head:
        return "the header is marked fuzzy"
    if f'"Language: {language}\\n"' not in head:
        return f"the header does not say Language: {language}"
    return None


def catalogues(language: str) -> list[Path]:
    """The project's catalogue and each workspace app's own (apps keep their strings in <app>/locale)."""
    project = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    apps = sorted((ROOT / "twinschools").glob(f"*/locale/{language}/LC_MESSAGES/django.po"))
    return [project, *apps]


def main() -> int:
    refresh_catalogues()
    failures = []
    for language in LANGUAGES:
        for po_file in catalogues(language):
            counts = statistics(po_file)
            print(f"{po_file.relative_to(ROOT)}: {counts}")
            if counts.get("fuzzy") or counts.get("untranslated"):
                failures.append(f"{po_file}: {counts}")
            problem = header_problem(po_file, language)
            if problem:
                failures.append(f"{po_file}: {problem}")
    for failure in failures:
        print(f"Incomplete translation: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
