"""No input gives a server error: Hypothesis fuzzes every public page's GET parameters and
every public form.

The targets are found, not listed: every URL whose view is declared `@public`
(core/permissions.py), reached through its case in the every-URL walk
(tests/test_authorization.py), and allauth's pages for visitors. The parameters are those
the code reads from `request.GET` and those the page's own forms name; the forms are
the page's `<form method="post">` fields, filled with their own options or anything at
all. Any 500 raises in the test client and fails the test with its traceback.

Kept small for the normal suite (a fixed seed, 50 examples per target); for a long
hunt: HYPOTHESIS_PROFILE=thorough.
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import World
from tests.test_authorization import CASES

settings.register_profile(
    "ci",
    max_examples=50,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "thorough",
    max_examples=500,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

pytestmark = pytest.mark.django_db

SOURCE = Path(__file__).resolve().parents[1] / "twinschools"
# Pages for visitors that allauth serves (not declared with our decorators).
ALLAUTH_PUBLIC = {
    "account_login": lambda w: reverse("account_login"),
    "account_signup": lambda w: reverse("account_signup"),
    "account_reset_password": lambda w: reverse("account_reset_password"),
}


def _public_names(resolver: URLResolver, namespace: str = "") -> set[str]:
    names: set[str] = set()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= _public_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and getattr(pattern.callback, "permission", None) == "public":
            names.add(f"{namespace}{pattern.name}")
    return names


def _targets() -> dict[str, object]:
    builders: dict[str, object] = {}
    for case in CASES:
        if case.name not in builders and case.method == "get" and case.expected["anonymous"] == 200:
            builders[case.name] = case.url
    public = _public_names(get_resolver())
    found = {name: builders[name] for name in sorted(public) if name in builders}
    return {**found, **ALLAUTH_PUBLIC}


TARGETS = _targets()


def _read_parameters() -> list[str]:
    """Every name the code reads from request.GET (request.GET.get("x") or request.GET["x"])."""
    pattern = re.compile(r"""request\.GET(?:\.get\(|\[)\s*["'](\w+)["']""")
    names = {name for path in SOURCE.rglob("*.py") for name in pattern.findall(path.read_text())}
    return sorted(names | {"next", "page", "q", "lang", "format"})


CODE_PARAMETERS = _read_parameters()


class _Forms(HTMLParser):
    """The fields of a page's forms: GET forms' names, POST forms' names with their options."""

    def __init__(self) -> None:
        super().__init__()
        self.get_fields: set[str] = set()
        self.post_forms: list[dict[str, list[str]]] = []
        self._method: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {key: value or "" for key, value in attrs}
        if tag == "form":
            self._method = attributes.get("method", "get").lower()
            if self._method == "post":
                self.post_forms.append({})
            return
        name = attributes.get("name", "")
        if tag == "option" and self._select and self._method == "post":
            self.post_forms[-1][self._select].append(attributes.get("value", ""))
        if not name or name == "csrfmiddlewaretoken" or tag not in {"input", "select", "textarea"}:
            return
        if tag == "select":
            self._select = name
        if self._method == "post":
            options = self.post_forms[-1].setdefault(name, [])
            if attributes.get("value"):
                options.append(attributes["value"])
        else:
            self.get_fields.add(name)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._method = None
        elif tag == "select":
            self._select = None


_seen: dict[str, _Forms] = {}


def _forms_of(client: Client, url: str) -> _Forms:
    if url not in _seen:
        response = client.get(url)
        parser = _Forms()
        if "html" in response.get("Content-Type", ""):
            parser.feed(response.content.decode())
        _seen[url] = parser
    return _seen[url]


# Values people and robots send: control characters, digits Python reads but int() does not,
# numbers no column holds, markup, very long text, and text of any kind.
NASTY = st.sampled_from(
    [
        "\x00",
        "a\x00b",
        "²",
        "٣",
        "9" * 5000,
        "-1",
        "0",
        "99999999999999999999",
        "1e309",
        "NaN",
        "2026-02-30",
        "%",
        "'",
        '"',
        "<script>alert(1)</script>",
        "../../etc/passwd",
        "https://evil.example/",
        "//evil.example",
        "[" * 3000,
        "x" * 70_000,
        " ",
        "",
    ]
)
TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=60)
VALUE = st.one_of(NASTY, TEXT, st.integers().map(str))


def _value(options: list[str]) -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(options), VALUE) if options else VALUE


@pytest.mark.parametrize("name", sorted(TARGETS))
@given(data=st.data())
def test_no_public_page_answers_a_server_error_to_any_query(
    world: World, name: str, data: st.DataObject
) -> None:
    client = Client()
    url = _url(world, name)
    parameters = sorted(set(CODE_PARAMETERS) | _forms_of(client, url).get_fields)
    query = data.draw(st.dictionaries(st.sampled_from(parameters), VALUE, max_size=4), label="query")
    response = client.get(url, query)
    assert response.status_code < 500


@pytest.mark.parametrize("name", sorted(TARGETS))
@given(data=st.data())
def test_no_public_form_answers_a_server_error_to_anything_posted(
    world: World, name: str, data: st.DataObject
) -> None:
    client = Client()
    url = _url(world, name)
    forms = _forms_of(client, url).post_forms or [{"q": [], "next": [], "action": []}]
    form = data.draw(st.sampled_from(forms), label="form")
    fields = {
        field: data.draw(_value(options), label=field)
        for field, options in form.items()
        if data.draw(st.booleans(), label=f"send {field}") or not options
    }
    encoding = data.draw(st.sampled_from(["multipart", "urlencoded"]), label="encoding")
    if encoding == "urlencoded":
        from urllib.parse import urlencode

        response = client.post(url, urlencode(fields), content_type="application/x-www-form-urlencoded")
    else:
        response = client.post(url, fields)
    assert response.status_code < 500


JSON = st.recursive(
    st.none() | st.booleans() | st.floats() | TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(TEXT, children, max_size=4),
    max_leaves=20,
)


@given(body=st.one_of(JSON.map(lambda value: __import__("json").dumps(value)), NASTY, TEXT))
def test_the_verification_api_answers_anything_without_a_server_error(world: World, body: str) -> None:
    response = Client().post(reverse("credentials:verify_api"), body, content_type="application/json")
    assert response.status_code in {200, 400}


@given(language=VALUE, next_url=VALUE)
def test_choosing_a_language_answers_anything_without_a_server_error(
    world: World, language: str, next_url: str
) -> None:
    response = Client().post(reverse("set_language"), {"language": language, "next": next_url})
    assert response.status_code < 500


def _url(world: World, name: str) -> str:
    key = f"{name}@{world.school_a.pk}"
    if key not in _urls:
        _urls[key] = TARGETS[name](world)  # type: ignore[operator]
    return _urls[key]


_urls: dict[str, str] = {}
