"""Sharing, editing and deleting practices; comments and "I tried it"."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from tests import factories
from tests.clients import signed_in
from tests.conftest import World
from tests.practices.factories import PracticeFactory, TriedFactory
from twinschools.core.models import AuditEvent
from twinschools.practices import services
from twinschools.practices.models import Practice, Tried, Visibility

FORM = {
    "title": "Apa din orașul nostru",
    "summary": "Elevii măsoară calitatea apei.",
    "description": "Lucru pe grupe, cu partenerii din Lleida.",
    "age_min": "11",
    "age_max": "13",
    "levels": ["lower-secondary"],
    "subjects": ["science", "environment"],
    "approaches": ["flipped", "inquiry-based"],
    "language": "ro",
    "visibility": "network",
    "links-TOTAL_FORMS": "3",
    "links-INITIAL_FORMS": "0",
    "links-0-title": "Film",
    "links-0-url": "https://example.org/film",
}


def test_a_teacher_shares_a_practice_for_the_school_with_approaches_and_links(world: World) -> None:
    client = signed_in(world.people["teacher_a"])
    response = client.post(reverse("practices:create", args=[world.school_a.pk]), FORM)

    practice = Practice.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("practices:detail", args=[practice.pk])
    assert (practice.school, practice.author) == (world.school_a, world.people["teacher_a"])
    assert sorted(practice.approaches.values_list("code", flat=True)) == ["flipped", "inquiry-based"]
    assert practice.subject_codes == ["science", "environment"]
    assert [(link.title, link.url) for link in practice.links.all()] == [("Film", "https://example.org/film")]
    assert " apa din orasul nostru " in practice.search_text
    assert AuditEvent.objects.filter(action="practices.practice.shared", school=world.school_a).exists()


def test_the_language_of_the_text_defaults_to_the_authors_language(world: World) -> None:
    teacher = world.people["teacher_a"]
    teacher.language = "ro"
    teacher.save()
    response = signed_in(teacher).get(reverse("practices:create", args=[world.school_a.pk]))
    assert response.context["form"]["language"].value() == "ro"


def test_a_failed_save_returns_the_draft_with_field_errors_in_the_users_language(world: World) -> None:
    client = signed_in(world.people["teacher_a"])
    client.cookies["django_language"] = "ro"
    bad = {**FORM, "title": "", "age_min": "14", "age_max": "9", "links-1-title": "Fără adresă"}
    response = client.post(reverse("practices:create", args=[world.school_a.pk]), bad)

    assert response.status_code == 400
    page = response.content.decode()
    form = response.context["form"]
    assert form["summary"].value() == FORM["summary"]
    assert form["approaches"].value() == FORM["approaches"]
    assert response.context["links"].forms[0]["url"].value() == "https://example.org/film"
    with translation.override("ro"):
        assert str(form.errors["title"][0]) in page
    assert "Vârsta maximă nu poate fi mai mică decât vârsta minimă." in page
    assert "Practica nu a fost salvată." in page
    assert Practice.objects.count() == 0


def test_the_service_refuses_unordered_ages_with_a_sentence(world: World) -> None:
    draft = services.PracticeDraft(
        title="T", summary="S", description="D", language="en", age_min=12, age_max=10
    )
    with pytest.raises(ValidationError) as refused:
        services.share_practice(school=world.school_a, author=world.people["teacher_a"], draft=draft)
    assert "age_max" in refused.value.message_dict


@pytest.mark.parametrize(("role", "allowed"), [("teacher_a", True), ("head_a", True), ("team_a", False)])
def test_the_author_and_the_schools_leaders_edit_a_practice(world: World, role: str, allowed: bool) -> None:
    practice = PracticeFactory(school=world.school_a, author=world.people["teacher_a"])
    response = signed_in(world.people[role]).post(
        reverse("practices:edit", args=[practice.pk]), {**FORM, "title": "Changed"}
    )
    practice.refresh_from_db()
    assert (practice.title == "Changed") == allowed
    assert response.status_code == (302 if allowed else 404)


def test_an_author_who_left_the_school_no_longer_edits_its_practice(world: World) -> None:
    former = factories.UserFactory()
    practice = PracticeFactory(school=world.school_a, author=former)
    response = signed_in(former).get(reverse("practices:edit", args=[practice.pk]))
    assert response.status_code == 404


def test_editing_keeps_the_draft_when_the_save_fails(world: World) -> None:
    practice = PracticeFactory(school=world.school_a, author=world.people["teacher_a"], title="Before")
    response = signed_in(world.people["teacher_a"]).post(
        reverse("practices:edit", args=[practice.pk]), {**FORM, "title": "After", "description": ""}
    )
    assert response.status_code == 400
    assert response.context["form"]["title"].value() == "After"
    practice.refresh_from_db()
    assert practice.title == "Before"


def test_the_author_deletes_a_practice_and_its_adaptations_keep_their_credit(world: World) -> None:
    original = PracticeFactory(school=world.school_a, author=world.people["teacher_a"], title="Original")
    copy = services.adapt_practice(practice=original, school=world.school_b, by=world.people["teacher_b"])
    response = signed_in(world.people["teacher_a"]).post(reverse("practices:delete", args=[original.pk]))
    assert response.status_code == 302
    copy.refresh_from_db()
    assert copy.adapted_from is None
    assert (copy.credit_title, copy.credit_school) == ("Original", world.school_a)
    page = (
        signed_in(world.people["teacher_b"]).get(reverse("practices:detail", args=[copy.pk])).content.decode()
    )
    assert "Adapted from “Original” by Teacher A, Școala Gimnazială „Avram Iancu”." in page
    assert AuditEvent.objects.filter(action="practices.practice.deleted").exists()


def test_colleagues_of_other_schools_comment_on_a_network_practice(world: World) -> None:
    practice = PracticeFactory(school=world.school_a, visibility=Visibility.NETWORK)
    client = signed_in(world.people["teacher_b"])
    response = client.post(
        reverse("practices:comment", args=[practice.pk]), {"body": "Works with 9-year-olds too."}
    )
    assert response.status_code == 302
    comment = practice.comments.get()
    assert (comment.author, comment.school) == (world.people["teacher_b"], world.school_b)
    page = client.get(reverse("practices:detail", args=[practice.pk])).content.decode()
    assert "Works with 9-year-olds too." in page
    assert "Teacher B, Liceul Teoretic Bistrița" in page


def test_an_empty_comment_is_refused_with_a_field_error(world: World) -> None:
    practice = PracticeFactory(school=world.school_a, visibility=Visibility.NETWORK)
    response = signed_in(world.people["teacher_b"]).post(
        reverse("practices:comment", args=[practice.pk]), {"body": "  "}
    )
    assert response.status_code == 400
    assert response.context["comment_form"].errors["body"]


def test_a_colleague_marks_i_tried_it_once_with_a_note_and_a_date_and_can_withdraw(world: World) -> None:
    practice = PracticeFactory(school=world.school_a, visibility=Visibility.NETWORK)
    client = signed_in(world.people["teacher_b"])
    url = reverse("practices:tried", args=[practice.pk])
    assert client.post(url, {"tried_on": "2025-03-01", "note": "Great"}).status_code == 302
    again = client.post(url, {"note": "Twice?"})
    assert again.status_code == 400
    assert "You already marked this practice as tried." in again.content.decode()
    mark = Tried.objects.get()
    assert (mark.note, str(mark.tried_on), mark.school) == ("Great", "2025-03-01", world.school_b)

    assert client.post(reverse("practices:withdraw_tried", args=[practice.pk])).status_code == 302
    assert not Tried.objects.exists()
    assert AuditEvent.objects.filter(action="practices.practice.tried_withdrawn").exists()


def test_a_tried_date_in_the_future_is_refused(world: World) -> None:
    practice = PracticeFactory(school=world.school_a, visibility=Visibility.NETWORK)
    tomorrow = timezone.localdate() + timezone.timedelta(days=1)
    response = signed_in(world.people["teacher_b"]).post(
        reverse("practices:tried", args=[practice.pk]), {"tried_on": tomorrow.isoformat()}
    )
    assert response.status_code == 400
    assert response.context["tried_form"].errors["tried_on"]


def test_the_author_cannot_mark_their_own_practice_as_tried(world: World) -> None:
    practice = PracticeFactory(school=world.school_a, author=world.people["teacher_a"])
    with pytest.raises(ValidationError):
        services.mark_tried(practice=practice, user=world.people["teacher_a"])


def test_the_practice_page_lists_who_tried_it(world: World) -> None:
    practice = PracticeFactory(school=world.school_a, visibility=Visibility.PUBLIC)
    TriedFactory(practice=practice, user=world.people["teacher_b"], school=world.school_b, note="Loved it")
    page = (
        signed_in(world.people["head_a"])
        .get(reverse("practices:detail", args=[practice.pk]))
        .content.decode()
    )
    assert "Teacher B, Liceul Teoretic Bistrița" in page
    assert "Loved it" in page
