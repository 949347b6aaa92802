"""The development outbox: e-mails sent under DEBUG are kept and readable at /dev/mail/."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.mail import EmailMultiAlternatives, get_connection, send_mail
from django.test import Client, override_settings

from twinschools.core import urls_dev

pytestmark = pytest.mark.django_db
BACKEND = "twinschools.core.outbox.OutboxBackend"


def test_the_outbox_is_not_mounted_when_debug_is_off(client: Client) -> None:
    assert urls_dev.patterns(False) == []
    assert client.get("/dev/mail/").status_code == 404


@override_settings(ROOT_URLCONF="tests.core.urls_debug", DEBUG=True)
def test_a_message_sent_through_the_backend_is_listed_with_its_link_clickable(
    client: Client, tmp_path: Path
) -> None:
    with override_settings(OUTBOX_DIR=tmp_path):
        send_mail(
            "Confirm your registration",
            "Confirm here: http://127.0.0.1:8000/events/confirm/abc/",
            None,
            ["visitor@example.org"],
            connection=get_connection(BACKEND),
        )
        listing = client.get("/dev/mail/")
        assert listing.status_code == 200
        page = listing.content.decode()
        assert "Confirm your registration" in page and "visitor@example.org" in page
        assert "Development outbox: only in the demo." in page
        message_id = listing.context["messages_sent"][0].id
        shown = client.get(f"/dev/mail/{message_id}/").content.decode()
    assert '<a href="http://127.0.0.1:8000/events/confirm/abc/"' in shown


@override_settings(ROOT_URLCONF="tests.core.urls_debug", DEBUG=True)
def test_an_html_message_shows_the_links_of_its_html_part_and_newest_comes_first(
    client: Client, tmp_path: Path
) -> None:
    with override_settings(OUTBOX_DIR=tmp_path):
        connection = get_connection(BACKEND)
        send_mail("First", "one", None, ["a@example.org"], connection=connection)
        second = EmailMultiAlternatives("Second", "two", None, ["b@example.org"], connection=connection)
        second.attach_alternative('<p><a href="http://127.0.0.1:8000/x/">x</a></p>', "text/html")
        second.send()
        listed = client.get("/dev/mail/").context["messages_sent"]
        assert [sent.subject for sent in listed] == ["Second", "First"]
        shown = client.get(f"/dev/mail/{listed[0].id}/").content.decode()
        assert '<a href="http://127.0.0.1:8000/x/">' in shown
        assert client.get("/dev/mail/..%2Fsecrets/").status_code == 404


@override_settings(ROOT_URLCONF="tests.core.urls_debug", DEBUG=True)
def test_the_footer_links_to_the_outbox_under_debug(client: Client, tmp_path: Path) -> None:
    with override_settings(OUTBOX_DIR=tmp_path):
        assert 'href="/dev/mail/"' in client.get("/").content.decode()


def test_the_footer_has_no_outbox_link_without_debug(client: Client) -> None:
    assert "/dev/mail/" not in client.get("/").content.decode()
