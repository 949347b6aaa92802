"""What the library tells the mission overview, the innovation record and the demo."""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.utils import timezone

from tests import factories
from tests.conftest import World
from tests.practices.factories import PracticeFactory, TriedFactory
from twinschools.accounts.models import Role
from twinschools.mission import registry
from twinschools.mission.periods import between
from twinschools.practices import records
from twinschools.practices.demo import seed_practices
from twinschools.practices.models import Comment, Practice, Tried, Visibility


def groups_by_key(world: World, since: date) -> dict[str, registry.RecordGroup]:
    return {
        group.key: group for group in records.PROVIDER.records(school=world.school_a, period=between(since))
    }


def test_the_overview_counts_practices_shared_adapted_by_others_tried_and_innovative(world: World) -> None:
    today = timezone.localdate()
    author = world.people["teacher_a"]
    flipped = PracticeFactory(school=world.school_a, author=author, approaches=["flipped"], title="Flipped")
    plain = PracticeFactory(school=world.school_a, author=author, title="Plain")
    PracticeFactory(school=world.school_b, adapted_from=flipped, visibility=Visibility.SCHOOL)
    PracticeFactory(school=world.school_a, adapted_from=plain)  # our own copy: not "by other schools"
    TriedFactory(practice=flipped, user=world.people["teacher_b"])
    TriedFactory(practice=plain, user=author)  # the author's own mark never counts
    old = PracticeFactory(school=world.school_a, author=author)
    Practice.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=400))

    groups = groups_by_key(world, today - timedelta(days=30))

    assert groups["practices.shared"].count == 3
    assert groups["practices.adapted"].count == 1
    assert [item.title for item in groups["practices.adapted"].latest] == ["Flipped"]
    assert groups["practices.tried"].count == 1
    assert groups["practices.innovative"].count == 1
    assert (groups["practices.shared"].commitment, groups["practices.shared"].oecd) == (2, (5,))
    assert (groups["practices.adapted"].oecd, groups["practices.tried"].oecd) == ((6,), (3,))
    assert (groups["practices.innovative"].commitment, groups["practices.innovative"].oecd) == (5, (4,))


def test_every_overview_number_links_to_the_practices_behind_it(world: World, client: object) -> None:
    from tests.clients import signed_in

    author = world.people["teacher_a"]
    flipped = PracticeFactory(school=world.school_a, author=author, approaches=["flipped"])
    PracticeFactory(school=world.school_a, author=author)
    PracticeFactory(school=world.school_b, adapted_from=flipped)
    TriedFactory(practice=flipped, user=world.people["teacher_b"])
    head = signed_in(world.people["head_a"])
    for key, group in groups_by_key(world, timezone.localdate() - timedelta(days=1)).items():
        listed = head.get(group.url).context["page"].paginator.count
        assert listed == group.count, key


def test_a_period_ends_when_the_overview_says(world: World) -> None:
    practice = PracticeFactory(school=world.school_a)
    Practice.objects.filter(pk=practice.pk).update(created_at=timezone.now() - timedelta(days=20))
    today = timezone.localdate()
    within = records.PROVIDER.records(
        school=world.school_a, period=between(today - timedelta(days=30), today)
    )
    before = records.PROVIDER.records(
        school=world.school_a, period=between(today - timedelta(days=30), today - timedelta(days=25))
    )
    assert within[0].count == 1
    assert before[0].count == 0


def test_the_innovation_record_counts_practices_per_approach(world: World) -> None:
    PracticeFactory(school=world.school_a, approaches=["flipped", "outdoor"], title="A")
    PracticeFactory(school=world.school_a, approaches=["flipped"], title="B")
    PracticeFactory(school=world.school_b, approaches=["flipped"])
    uses = {
        use.code: use
        for use in records.PROVIDER.approach_usage(school=world.school_a, period=between(date(2000, 1, 1)))
    }
    assert {code: use.count for code, use in uses.items()} == {"flipped": 2, "outdoor": 1}
    assert [item.title for item in uses["flipped"].latest] == ["B", "A"]
    assert uses["flipped"].url.endswith("?approach=flipped")


def test_the_library_registers_its_section_providers_and_seeder(world: World) -> None:
    assert any(section.key == "practices" and section.order == 60 for section in registry.REGISTRY.sections)
    assert records.PROVIDER in registry.REGISTRY.providers
    assert any(seeder is seed_practices for _order, seeder in registry.REGISTRY.seeders)


def test_the_demo_gives_the_school_a_lived_in_library_with_a_catalan_adaptation(world: World) -> None:
    lleida = factories.SchoolFactory(name="Institut Màrius Torres", country=factories.country("ES"))
    profesora = factories.UserFactory(full_name="Montserrat Puig i Solé", language="ca")
    factories.MembershipFactory(user=profesora, school=lleida, role=Role.TEACHER)
    people = {
        "head": world.people["head_a"],
        "teacher": world.people["teacher_a"],
        "parent": world.people["parent_a"],
        "pupil": world.people["student_a"],
        "profesora": profesora,
        "catalan_school": lleida,
    }
    seed_practices(school=world.school_a, people=people, rng=random.Random(1), today=timezone.localdate())

    ours = Practice.objects.filter(school=world.school_a)
    assert 8 <= ours.count() <= 10
    assert set(ours.values_list("visibility", flat=True)) == set(Visibility.values)
    assert set(ours.values_list("language", flat=True)) == {"ro", "en"}
    adaptation = Practice.objects.get(school=lleida)
    assert (adaptation.language, adaptation.adapted_from.school) == ("ca", world.school_a)
    assert Comment.objects.filter(author=profesora).exists()
    assert Tried.objects.filter(user=profesora).exists()
    assert " stiinte " in ours.get(title__startswith="Clasa inversată").search_text
