"""Issue 11 §5: every school has a time zone, its country's until its head chooses another.

Set for existing schools by the migration (one UPDATE per country), for new ones by the
import and the generator (COPY on PostgreSQL), and changed by the head on the school's
staff page through network.services.set_time_zone.
"""

from __future__ import annotations

import io
from importlib import import_module

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

from tests import factories
from tests.clients import signed_in
from tests.conftest import World
from tests.network.test_import import SCHOOLS_HEADER, csv_bytes
from twinschools.core.models import AuditEvent
from twinschools.network.importing.services import import_network_files
from twinschools.network.models import School
from twinschools.network.reference import TIME_ZONES

pytestmark = pytest.mark.django_db


def test_the_migration_gives_every_existing_school_its_countrys_zone() -> None:
    romanian = factories.SchoolFactory(country=factories.country("RO"))
    spanish = factories.SchoolFactory(country=factories.country("ES"))
    greek = factories.SchoolFactory(country=factories.country("GR"))
    School.objects.update(time_zone="Europe/Brussels")  # what the new column holds at first
    migration = import_module("twinschools.network.migrations.0007_school_time_zone")
    migration.set_country_zones(apps, None)
    zones = dict(School.objects.values_list("pk", "time_zone"))
    assert zones == {romanian.pk: "Europe/Bucharest", spanish.pk: "Europe/Madrid", greek.pk: "Europe/Athens"}


def test_an_imported_school_gets_its_countrys_zone_and_a_chosen_one_is_kept_on_reimport() -> None:
    rows = [
        ["SCH-RO-1", "Școala Gimnazială nr. 1", "RO", "Cluj-Napoca", "2015-09-01"],
        ["SCH-ES-1", "Institut Joan Oró", "ES", "Lleida", "2016-09-01"],
    ]
    data = csv_bytes(SCHOOLS_HEADER, rows)

    def run() -> None:
        report = import_network_files(
            files=[("schools.csv", io.BytesIO(data))], by=None, country_scope=None, dry_run=False
        )
        assert not report.problems

    run()
    assert dict(School.objects.values_list("external_id", "time_zone")) == {
        "SCH-RO-1": "Europe/Bucharest",
        "SCH-ES-1": "Europe/Madrid",
    }
    School.objects.filter(external_id="SCH-ES-1").update(time_zone="Atlantic/Canary")
    run()
    assert School.objects.get(external_id="SCH-ES-1").time_zone == "Atlantic/Canary"


def test_the_generator_writes_each_schools_country_zone() -> None:
    call_command("generate_network", "--scale", "demo", "--schools", "40", "--verbosity", "0", "--seed", "3")
    pairs = set(School.objects.values_list("country__code", "time_zone"))
    assert pairs and all(zone == TIME_ZONES[code] for code, zone in pairs)


def test_the_head_changes_the_schools_zone_and_it_is_audited(world: World) -> None:
    client = signed_in(world.people["head_a"])
    url = reverse("network:school_time_zone", args=[world.school_a.pk])
    team = client.get(reverse("accounts:team", args=[world.school_a.pk])).content.decode()
    assert "The school's times are in Bucharest time (Europe/Bucharest)." in team and url in team
    response = client.post(url, {"time_zone": "Europe/Chisinau"})
    assert response.status_code == 302
    assert School.objects.get(pk=world.school_a.pk).time_zone == "Europe/Chisinau"
    event = AuditEvent.objects.get(action="network.school.time_zone_set")
    assert event.data == {"from": "Europe/Bucharest", "to": "Europe/Chisinau"}


def test_a_zone_that_does_not_exist_is_refused_with_a_sentence(world: World) -> None:
    client = signed_in(world.people["head_a"])
    response = client.post(
        reverse("network:school_time_zone", args=[world.school_a.pk]), {"time_zone": "Europe/Atlantis"}
    )
    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()
    assert School.objects.get(pk=world.school_a.pk).time_zone == "Europe/Bucharest"


def test_the_zone_page_is_translated(world: World) -> None:
    client = signed_in(world.people["head_a"])
    client.cookies["django_language"] = "ro"
    page = client.get(reverse("network:school_time_zone", args=[world.school_a.pk])).content.decode()
    assert "ora din București" in page
