"""Issue 11 §5: a proposal's closing time is typed and shown in the school's zone, and says it.

Closing at 17:00 at a Bucharest school was stored as 17:00 Brussels time (18:00 in
Bucharest). Now 17:00 is 17:00 where the school is, and every place the deadline is
written names the zone: the proposal's page, the decisions page and the team's e-mail.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse

from tests import factories
from tests.clients import signed_in
from tests.leadership.factories import team_teacher
from twinschools.leadership.models import Proposal

pytestmark = pytest.mark.django_db

PLACES = [
    # country, town, zone, the deadline as written in English
    ("RO", "Cluj-Napoca", "Europe/Bucharest", "15 March 2027, 17:00 (Bucharest time, EET)"),
    ("ES", "Lleida", "Europe/Madrid", "15 March 2027, 17:00 (Madrid time, CET)"),
]


@pytest.mark.parametrize(("country", "town", "zone", "written"), PLACES, ids=["Bucharest", "Lleida"])
def test_a_proposal_closing_at_five_closes_at_five_in_the_schools_zone_and_says_so(
    country: str, town: str, zone: str, written: str, django_capture_on_commit_callbacks
) -> None:
    school = factories.SchoolFactory(country=factories.country(country), town=town)
    proposer = team_teacher(school)
    colleague = team_teacher(school, language="en")
    client = signed_in(proposer)
    form = client.get(reverse("leadership:new_proposal", args=[school.pk])).content.decode()
    assert f"({zone})." in form  # the field says which zone its time is in
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("leadership:new_proposal", args=[school.pk]),
            {
                "title": "Garden",
                "details": "A school garden",
                "process": "vote",
                "closes_at": "2027-03-15T17:00",
            },
        )
    assert response.status_code == 302, response.content.decode()
    proposal = Proposal.objects.get(school=school)
    assert proposal.closes_at == datetime(2027, 3, 15, 17, 0, tzinfo=ZoneInfo(zone))
    page = client.get(reverse("leadership:proposal", args=[proposal.pk])).content.decode()
    assert f"Open until {written}" in page
    decisions = client.get(reverse("leadership:decisions", args=[school.pk])).content.decode()
    assert written in decisions
    (message,) = [message for message in mail.outbox if message.to == [colleague.email]]
    assert f"before it closes on {written}." in message.body
