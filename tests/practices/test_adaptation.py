"""Adapting a practice: a copy in the adapter's school that credits the original."""

from __future__ import annotations

from django.urls import reverse

from tests import factories
from tests.clients import signed_in
from tests.conftest import World
from tests.practices.factories import PracticeFactory
from twinschools.accounts.models import Role
from twinschools.core.models import AuditEvent
from twinschools.practices.models import Link, Practice, Visibility


def test_adapting_makes_a_copy_for_the_adapters_school_and_opens_it_for_editing(world: World) -> None:
    original = PracticeFactory(
        school=world.school_a,
        author=world.people["teacher_a"],
        visibility=Visibility.NETWORK,
        title="Flipped science",
        approaches=["flipped", "collaborative"],
    )
    Link.objects.create(practice=original, title="Film", url="https://example.org/film")
    client = signed_in(world.people["teacher_b"])

    response = client.post(reverse("practices:adapt", args=[original.pk]), {"school": world.school_b.pk})

    copy = Practice.objects.exclude(pk=original.pk).get()
    assert response.status_code == 302
    assert response["Location"] == reverse("practices:edit", args=[copy.pk])
    assert (copy.school, copy.author, copy.adapted_from) == (
        world.school_b,
        world.people["teacher_b"],
        original,
    )
    assert copy.visibility == Visibility.SCHOOL
    assert sorted(copy.approaches.values_list("code", flat=True)) == ["collaborative", "flipped"]
    assert [link.url for link in copy.links.all()] == ["https://example.org/film"]
    assert AuditEvent.objects.filter(action="practices.practice.adapted", school=world.school_b).exists()


def test_the_copy_shows_the_credit_linking_the_original_and_the_original_lists_it(world: World) -> None:
    original = PracticeFactory(
        school=world.school_a,
        author=world.people["teacher_a"],
        visibility=Visibility.PUBLIC,
        title="Flipped science",
    )
    client = signed_in(world.people["teacher_b"])
    client.post(reverse("practices:adapt", args=[original.pk]), {"school": world.school_b.pk})
    copy = Practice.objects.exclude(pk=original.pk).get()

    copy_page = client.get(reverse("practices:detail", args=[copy.pk])).content.decode()
    original_url = reverse("practices:detail", args=[original.pk])
    assert f'Adapted from <a href="{original_url}">“Flipped science”</a> by Teacher A' in copy_page

    # Kept to school B for now: school A's staff do not see it among the adaptations yet.
    original_for_a = signed_in(world.people["head_a"]).get(original_url)
    assert list(original_for_a.context["adaptations"]) == []
    Practice.objects.filter(pk=copy.pk).update(visibility=Visibility.NETWORK)
    original_for_a = signed_in(world.people["head_a"]).get(original_url)
    assert list(original_for_a.context["adaptations"]) == [copy]


def test_a_teacher_of_several_schools_picks_which_school_gets_the_adaptation(world: World) -> None:
    teacher = world.people["teacher_b"]
    third = factories.SchoolFactory(name="Colegiul Național Cluj")
    factories.MembershipFactory(user=teacher, school=third, role=Role.TEACHER)
    original = PracticeFactory(school=world.school_a, visibility=Visibility.NETWORK)
    client = signed_in(teacher)

    form = client.get(reverse("practices:adapt", args=[original.pk])).context["form"]
    assert list(form.fields["school"].queryset) == [third, world.school_b]

    client.post(reverse("practices:adapt", args=[original.pk]), {"school": third.pk})
    assert Practice.objects.get(adapted_from=original).school == third


def test_nobody_adapts_into_a_school_where_they_do_not_teach(world: World) -> None:
    original = PracticeFactory(school=world.school_a, visibility=Visibility.NETWORK)
    response = signed_in(world.people["teacher_b"]).post(
        reverse("practices:adapt", args=[original.pk]), {"school": world.school_a.pk}
    )
    assert response.status_code == 400
    assert not Practice.objects.filter(adapted_from=original).exists()


def test_the_author_of_the_original_is_told_in_app(world: World) -> None:
    from twinschools.notifications.models import Notification

    original = PracticeFactory(
        school=world.school_a, author=world.people["teacher_a"], visibility=Visibility.NETWORK
    )
    signed_in(world.people["teacher_b"]).post(
        reverse("practices:adapt", args=[original.pk]), {"school": world.school_b.pk}
    )
    notification = Notification.objects.get(recipient=world.people["teacher_a"])
    assert notification.url == reverse("practices:detail", args=[original.pk])
    assert notification.params["school"] == world.school_b.name
