"""Screenshots of each role's home page and each feature's main page, from the running demo.

    python tools/screenshots.py [--base http://127.0.0.1:8000] [--out docs/screenshots] [--only NAME...]

`make screenshots` runs it against `make demo`'s server. Each page is taken at 1280 px and
390 px wide, in the persona's language (Romanian or Catalan), with Debian's Chromium. The
pages are reached the way people reach them: each persona signs in on the sign-in page and
follows links from there, so a screenshot that cannot be taken is a flow that is broken.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import re
import struct
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

PASSWORD = "twinschools-demo"
WIDTHS = (1280, 390)
BROWSER_LOCALES = {"ro": "ro-RO", "ca": "ca-ES", "en": "en-GB"}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@dataclass
class Shot:
    name: str
    email: str | None  # None: a visitor
    language: str
    steps: list[Callable[[Any], None]] = field(default_factory=list)  # clicks from the home page


def click_link(name: str, within: str = "body") -> Callable[[Any], None]:
    """Click the first visible link whose name matches; on a phone, open the menu first if need be."""

    def step(page: Any) -> None:
        pattern = re.compile(name, re.IGNORECASE)
        links = page.locator(within).get_by_role("link", name=pattern)
        if not any(links.nth(i).is_visible() for i in range(links.count())):
            for toggler in (".navbar-toggler", ".workspace-nav-toggle"):
                if page.locator(toggler).first.is_visible():
                    page.locator(toggler).first.click()
                    page.wait_for_timeout(400)
        visible = [links.nth(i) for i in range(links.count()) if links.nth(i).is_visible()]
        if not visible:
            raise LookupError(f"No visible link named /{name}/ on {page.url}")
        visible[0].click()
        page.wait_for_load_state("networkidle")

    return step


def search(text: str, field: str = "#id_q") -> Callable[[Any], None]:
    def step(page: Any) -> None:
        page.fill(field, text)
        page.press(field, "Enter")
        page.wait_for_timeout(1000)  # the live search answers after its debounce
        page.wait_for_load_state("networkidle")

    return step


def go(path: str) -> Callable[[Any], None]:
    def step(page: Any) -> None:
        page.goto(path)
        page.wait_for_load_state("networkidle")

    return step


HEAD = "head@demo.twinschools.eu"
TEACHER = "teacher@demo.twinschools.eu"
# The demo's authenticator secret, as published in README.md (network/generation/demo.py).
DEMO_TOTP_SECRET = "TWINSCHOOLSDEMOSECRET234"
NSO = "nso.ro@demo.twinschools.eu"
WORKSPACE = click_link("^Deschideți spațiul de lucru")
YOUR_WORK = "main"


def section(name: str) -> Callable[[Any], None]:
    return click_link(f"^{name}$", ".workspace-nav")


SHOTS = [
    # Visitors
    Shot("visitor-home-ro", None, "ro"),
    Shot("visitor-directory-ro", None, "ro", [click_link("^Lista școlilor$")]),
    Shot(
        "visitor-school-ro",
        None,
        "ro",
        [click_link("^Lista școlilor$"), search("Cuza"), click_link("Colegiul Național", "main")],
    ),
    Shot("visitor-events-ca", None, "ca", [click_link("^Activitats$")]),
    Shot("visitor-label-map-ro", None, "ro", [click_link("^Harta Școlilor eTwinning$", "main")]),
    Shot("visitor-practices-ca", None, "ca", [click_link("^Pràctiques$")]),
    # The head and the teachers of the Cluj school, and the Catalan teacher
    Shot("head-home-ro", HEAD, "ro"),
    Shot("head-team-ro", HEAD, "ro", [click_link("Personal și invitații")]),
    Shot("head-workspace-overview-ro", HEAD, "ro", [WORKSPACE]),
    Shot("head-decisions-ro", HEAD, "ro", [WORKSPACE, section("Propuneri și decizii")]),
    Shot("head-action-plan-ro", HEAD, "ro", [WORKSPACE, section("Plan de acțiune")]),
    Shot("head-label-ro", HEAD, "ro", [WORKSPACE, section("Eticheta Școală eTwinning")]),
    Shot(
        "head-application-ro",
        HEAD,
        "ro",
        [WORKSPACE, section("Candidatura pentru etichetă"), click_link("^Candidatura pentru 20", "main")],
    ),
    Shot("head-notifications-ro", HEAD, "ro", [click_link("Notificări")]),
    Shot("teacher-home-ro", TEACHER, "ro"),
    Shot("teacher-events-ro", TEACHER, "ro", [WORKSPACE, section("Evenimente de diseminare")]),
    Shot("teacher-reach-ro", TEACHER, "ro", [WORKSPACE, section("Impact regional")]),
    Shot("teacher-ca-home-ca", "profesora@demo.twinschools.eu", "ca"),
    Shot(
        "teacher-ca-practices-ca",
        "profesora@demo.twinschools.eu",
        "ca",
        [click_link("^Obriu l'espai de treball"), section("Biblioteca de pràctiques")],
    ),
    Shot("parent-home-ro", "parent@demo.twinschools.eu", "ro"),
    Shot(
        "parent-children-ro",
        "parent@demo.twinschools.eu",
        "ro",
        [click_link("^Vedeți ce au propus și sugerat copiii")],
    ),
    # The national support organisation, the evaluator and the admin
    Shot("nso-home-ro", NSO, "ro"),
    Shot("nso-eligibility-ro", NSO, "ro", [click_link("^Eligibilitatea pentru etichetă", YOUR_WORK)]),
    Shot("nso-evaluation-ro", NSO, "ro", [click_link("^Evaluați candidaturile pentru etichetă", YOUR_WORK)]),
    Shot(
        "nso-evaluators-ro",
        NSO,
        "ro",
        [click_link("^Evaluați candidaturile pentru etichetă", YOUR_WORK), click_link("Evaluatori", "main")],
    ),
    Shot("nso-coverage-ro", NSO, "ro", [click_link("^Impactul regional și zonele neacoperite", YOUR_WORK)]),
    Shot("nso-credentials-ro", NSO, "ro", [click_link("^Credențialele emise pentru etichetă", YOUR_WORK)]),
    Shot("nso-profile-ro", NSO, "ro", [click_link("^Organizația noastră", YOUR_WORK)]),
    Shot("evaluator-home-ro", "evaluator.ro@demo.twinschools.eu", "ro"),
    Shot(
        "evaluator-assignments-ro",
        "evaluator.ro@demo.twinschools.eu",
        "ro",
        [click_link("^Evaluările care mi-au fost atribuite", YOUR_WORK)],
    ),
    Shot("admin-home-ro", "admin@demo.twinschools.eu", "ro"),
    Shot(
        "admin-rounds-ro",
        "admin@demo.twinschools.eu",
        "ro",
        [click_link("^Configurați sesiunile pentru etichetă", YOUR_WORK)],
    ),
]


def set_language(context: Any, base: str, language: str) -> None:
    """The language a person chose before, as Django's language cookie remembers it."""
    context.add_cookies([{"name": "django_language", "value": language, "url": base}])


def sign_in(page: Any, base: str, email: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state("networkidle")
    if "/accounts/2fa/authenticate/" in page.url:
        # NSO staff, evaluators and the admin: the demo's published authenticator secret.
        page.fill("#id_code", demo_code())
        page.locator("main form button[type=submit]").first.click()
        page.wait_for_load_state("networkidle")


def demo_code() -> str:
    """The current code of the demo's published authenticator secret (RFC 6238: SHA-1, 30 s, 6 digits)."""
    counter = struct.pack(">Q", int(time.time()) // 30)
    digest = hmac.new(base64.b32decode(DEMO_TOTP_SECRET), counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def take(browser: Any, base: str, shot: Shot, out: Path) -> None:
    for width in WIDTHS:
        # The browser's own locale too, so date pickers and file inputs speak the persona's language.
        context = browser.new_context(
            viewport={"width": width, "height": 900}, base_url=base, locale=BROWSER_LOCALES[shot.language]
        )
        set_language(context, base, shot.language)
        page = context.new_page()
        if shot.email:
            sign_in(page, base, shot.email)
        else:
            page.goto(f"{base}/")
        for step in shot.steps:
            step(page)
        path = out / f"{shot.name}-{width}.png"
        page.screenshot(path=str(path), full_page=True)
        print(f"{path}  ({page.url})")
        wide = page.evaluate("document.documentElement.scrollWidth")
        context.close()
        if wide > width:  # the browser tests check this in English; here it is checked in ro and ca
            raise ValueError(f"{path} scrolls sideways: {wide} px wide at {width} px")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default="docs/screenshots", type=Path)
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        failed = []
        for shot in SHOTS:
            if args.only and not any(name in shot.name for name in args.only):
                continue
            try:
                take(browser, args.base.rstrip("/"), shot, args.out)
            except Exception as error:  # a broken flow: say which, take the others
                failed.append(shot.name)
                print(f"FAILED {shot.name}: {error}".splitlines()[0], file=sys.stderr)
        browser.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
