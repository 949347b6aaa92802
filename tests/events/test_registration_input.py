"""What a registration form may carry that is not a number: a form error, never a 500."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.events.factories import EventFactory, SessionFactory
from twinschools.events.models import Registration

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("school", ["²", "٣", "9" * 5000, "12345678901234567890", "-1"])
def test_a_picked_school_that_is_no_registry_id_is_a_form_error(school: str) -> None:
    event = SessionFactory(event=EventFactory()).event
    data = {
        "name": "Ana Pop",
        "email": "ana@example.org",
        "role": "teacher",
        "school_name": "X",
        "school": school,
    }

    response = Client().post(reverse("events:event_detail", args=[event.pk]), data)

    assert response.status_code == 400
    assert "Pick your school again from the suggestions" in response.content.decode()
    assert not Registration.objects.exists()
