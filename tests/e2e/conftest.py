"""Browser tests: Debian's Chromium driven by Playwright's sync API, checked with axe-core.

One Chromium serves all the browser tests of a session; every test gets fresh contexts
(own cookies, own storage) against pytest-django's live server. The live server
answers from another thread, so the tests need real commits: `transactional_db`,
with a serialized rollback so the reference data of the data migration
(countries, levels, languages) comes back after each test's flush.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client

from tests.conftest import World, build_world

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_SOURCE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Generous for a loaded CI machine, short enough to fail fast on a real hang.
TIMEOUT_MS = 10_000


class Chromium:
    """One Playwright driver and one Chromium for the session's browser tests.

    It stops after the last browser test rather than at the end of the session,
    so the tests that pytest runs afterwards find no event loop in their thread.
    """

    def __init__(self) -> None:
        self.playwright: Any = None
        self.browser: Any = None
        self.allowed_async_unsafe = False
        self.async_unsafe_before: str | None = None

    def start(self) -> Any:
        """The running browser; started on first use, and again if stopped early."""
        if self.browser is not None:
            return self.browser
        from playwright.sync_api import expect, sync_playwright

        expect.set_options(timeout=TIMEOUT_MS)
        # Playwright's sync API drives the browser from an asyncio event loop that it
        # marks as running in the test's own thread (it switches with greenlets).
        # Django then sees "a running event loop" and refuses every ORM call from
        # this thread with SynchronousOnlyOperation, although no coroutine ever
        # touches the database: the loop only talks to Chromium. The tests, the
        # factories and pytest-django's flush all run in this thread, so allow it
        # for as long as the loop lives.
        self.async_unsafe_before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
        self.allowed_async_unsafe = True
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
        try:
            # Django keeps connections in an asgiref Local, stored per thread while no
            # loop runs and per context once one does: this thread would get fresh
            # connection objects, without the serialized data the rollback restores
            # and, with SQLite in memory, not the one the live server shares. Put the
            # same objects back once the loop runs.
            pinned = {alias: connections[alias] for alias in connections}
            self.playwright = sync_playwright().start()
            for alias, connection in pinned.items():
                connections[alias] = connection
            self.browser = self.playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
        except BaseException:
            self.stop()
            raise
        return self.browser

    def stop(self) -> None:
        try:
            if self.browser is not None:
                self.browser.close()
        finally:
            if self.playwright is not None:
                self.playwright.stop()
            self.playwright = self.browser = None
            if self.allowed_async_unsafe:
                self.allowed_async_unsafe = False
                if self.async_unsafe_before is None:
                    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
                else:
                    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = self.async_unsafe_before


CHROME = Chromium()


@pytest.fixture(scope="session")
def chromium() -> Iterator[Chromium]:
    if not CHROMIUM.exists():
        reason = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium, or run make test)."
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason} Under CI=true a missing browser is a failure.", pytrace=False)
        pytest.skip(reason)
    try:
        CHROME.start()
        yield CHROME
    finally:
        CHROME.stop()


@pytest.fixture
def browser(chromium: Chromium) -> Any:
    return chromium.start()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """After the test's own fixtures are torn down: stop Chromium if no browser test is left."""
    try:
        return (yield)
    finally:
        items = item.session.items
        if CHROME.playwright is not None and item in items:
            later = items[items.index(item) + 1 :]
            if not any(other.get_closest_marker("browser") for other in later):
                CHROME.stop()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_SOURCE.exists():
        pytest.fail(f"axe-core is missing at {AXE_SOURCE}: run npm ci (make test does).", pytrace=False)
    return AXE_SOURCE.read_text(encoding="utf-8")


@pytest.fixture
def site(live_server: Any, transactional_db: None, django_db_serialized_rollback: None) -> Any:
    """The live server, with a database its thread can see."""
    return live_server


@pytest.fixture
def world(site: Any) -> World:
    return build_world()


def session_cookie_for(user: Any) -> str:
    """A signed-in session for `user`, made without the sign-in form (the sign-in test covers it)."""
    client = Client()
    client.force_login(user)  # with the first configured backend that can load users
    return client.cookies[settings.SESSION_COOKIE_NAME].value


NewPage = Callable[..., Any]


@pytest.fixture
def new_page(browser: Any, site: Any) -> Iterator[NewPage]:
    """Open a page in a new browser context: `new_page(user=..., language="ro", **context_options)`."""
    contexts: list[Any] = []

    def open_page(*, user: Any = None, language: str | None = None, **options: Any) -> Any:
        # English unless a test asks otherwise, whatever the machine's own locale.
        options.setdefault("locale", "en-GB")
        context = browser.new_context(base_url=site.url, **options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        cookies = []
        if user is not None:
            cookies.append({"name": settings.SESSION_COOKIE_NAME, "value": session_cookie_for(user)})
        if language is not None:
            cookies.append({"name": settings.LANGUAGE_COOKIE_NAME, "value": language})
        if cookies:
            context.add_cookies([{**cookie, "url": site.url} for cookie in cookies])
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page: NewPage) -> Any:
    """An anonymous page in English."""
    return new_page()


def format_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    at {target}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"       {summary}")
    return "\n".join(lines)


def measured_low_contrast(incomplete: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Undecided colour-contrast results that axe did measure below the threshold.

    axe leaves text whose colour equals its background "incomplete" (the text might
    be hidden on purpose), but on these pages it never is: white-on-white "Sign out"
    was such a case. Undecided results without a measurement (background images,
    overlapping elements) stay out.
    """
    found = []
    for result in incomplete:
        if result["id"] != "color-contrast":
            continue
        nodes = []
        for node in result["nodes"]:
            for check in node["any"]:
                data = check.get("data") or {}
                ratio, expected = data.get("contrastRatio"), data.get("expectedContrastRatio")
                if ratio and expected and float(ratio) < float(str(expected).split(":")[0]):
                    nodes.append({**node, "failureSummary": check["message"]})
        if nodes:
            found.append({**result, "nodes": nodes})
    return found


PHONE_WIDTH = 390
# The elements wider than the phone's screen, named so a failure says what to fix.
WIDEST_ELEMENTS = """() => {
    const limit = document.documentElement.clientWidth;
    const wide = [];
    for (const element of document.querySelectorAll("body *")) {
        const box = element.getBoundingClientRect();
        if (box.right > limit + 1 && box.width > 0) {
            const name = element.tagName.toLowerCase() + (element.id ? "#" + element.id : "")
                + (element.className && typeof element.className === "string"
                   ? "." + element.className.trim().split(/\\s+/).join(".") : "");
            wide.push(name + " (" + Math.round(box.right) + " px)");
        }
    }
    return {scroll: document.documentElement.scrollWidth, width: limit, wide: wide.slice(0, 8)};
}"""


def assert_no_sideways_scroll(page: Any, where: str = "") -> None:
    layout = page.evaluate(WIDEST_ELEMENTS)
    if layout["scroll"] > layout["width"] + 1:
        pytest.fail(
            f"{where or page.url} scrolls sideways at {PHONE_WIDTH} px "
            f"({layout['scroll']} px wide): {', '.join(layout['wide'])}",
            pytrace=False,
        )


@pytest.fixture
def assert_accessible(axe_source: str) -> Callable[..., None]:
    """Run axe-core on the page as it is now; fail listing every WCAG 2.1 A/AA violation."""

    def check(page: Any, where: str = "") -> None:
        """The page as it is, then the same page at a phone's width (390 px): axe, and no sideways scroll."""
        run_axe(page, where)
        size = page.viewport_size
        if size and size["width"] > PHONE_WIDTH:
            page.set_viewport_size({"width": PHONE_WIDTH, "height": size["height"]})
            try:
                assert_no_sideways_scroll(page, where)
                run_axe(page, f"{where or page.url} at {PHONE_WIDTH} px")
            finally:
                page.set_viewport_size(size)

    def run_axe(page: Any, where: str = "") -> None:
        # Runtime.evaluate is not subject to the page's Content-Security-Policy,
        # so axe goes in without an inline <script> and without bypass_csp.
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.evaluate(axe_source)
        # Only violations and undecided results come back: listing every passing
        # node makes axe slower and the answer much larger.
        results = page.evaluate(
            """tags => axe.run(document, {
                runOnly: {type: 'tag', values: tags},
                resultTypes: ['violations', 'incomplete'],
            }).then(r => ({violations: r.violations, incomplete: r.incomplete}))""",
            WCAG_21_AA,
        )
        violations = results["violations"] + measured_low_contrast(results["incomplete"])
        if violations:
            pytest.fail(
                f"{len(violations)} WCAG 2.1 AA violation(s) on {where or page.url}:\n"
                f"{format_violations(violations)}",
                pytrace=False,
            )

    return check
