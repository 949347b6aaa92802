"""The log keeps what an operator needs to read: a foreign host is one line, not a traceback."""

from __future__ import annotations

import pytest
from django.test import Client


@pytest.mark.django_db
def test_a_request_for_a_foreign_host_is_refused_and_logged_in_one_line(
    caplog: pytest.LogCaptureFixture,
) -> None:
    response = Client().get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    (record,) = [r for r in caplog.records if r.name == "django.security.DisallowedHost"]
    assert record.getMessage().startswith("Invalid HTTP_HOST header: 'evil.example'.")
    assert record.exc_info is None and record.exc_text is None
