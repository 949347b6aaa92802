"""Who reaches each page of the practice library."""

from __future__ import annotations

from collections.abc import Callable

from django.core.files.base import ContentFile
from django.urls import reverse

from tests.authz import ANYONE, SCHOOL_A_STAFF, Case, only
from tests.conftest import World
from twinschools.practices.models import Attachment, Practice, Visibility

# Platform admins pass every permission (Django's superusers do).
STAFF_OF_ANY_SCHOOL = (*SCHOOL_A_STAFF, "teacher_b", "admin")


def practice_of_a(world: World, visibility: str = Visibility.SCHOOL) -> Practice:
    from tests.practices.factories import PracticeFactory

    return PracticeFactory(school=world.school_a, author=world.people["teacher_a"], visibility=visibility)


def url_of(name: str, visibility: str = Visibility.SCHOOL) -> Callable[[World], str]:
    return lambda world: reverse(name, args=[practice_of_a(world, visibility).pk])


def file_of_a(world: World, visibility: str) -> str:
    attachment = Attachment.objects.create(
        practice=practice_of_a(world, visibility),
        file=ContentFile(b"%PDF-1.4 plan", name="plan.pdf"),
        name="plan.pdf",
        size=13,
    )
    return reverse("practices:attachment", args=[attachment.pk])


# A practice kept to school A: its staff, the NSO staff of its country and admins read it.
READERS_OF_A = {**dict.fromkeys(SCHOOL_A_STAFF, 200), "nso_x": 200, "admin": 200}
# Authors edit their own practices, the school's leaders (the head) and admins any.
EDITORS_OF_A = {"teacher_a": 200, "head_a": 200, "admin": 200}

CASES = [
    Case("practices:library", lambda w: reverse("practices:library"), ANYONE),
    Case("practices:library", lambda w: reverse("practices:library") + "?q=aula+invertida&age=12", ANYONE),
    Case(
        "practices:school_library",
        lambda w: reverse("practices:school_library", args=[w.school_a.pk]),
        only(READERS_OF_A, others=404),
    ),
    Case(
        "practices:create",
        lambda w: reverse("practices:create", args=[w.school_a.pk]),
        only({**dict.fromkeys(SCHOOL_A_STAFF, 200), "admin": 200}, others=404),
    ),
    Case(
        "practices:create",
        lambda w: reverse("practices:create", args=[w.school_a.pk]),
        only({**dict.fromkeys(SCHOOL_A_STAFF, 400), "admin": 400}, others=404),
        method="post",
    ),
    Case("practices:detail", url_of("practices:detail"), only(READERS_OF_A, others=404)),
    Case(
        "practices:detail",
        url_of("practices:detail", Visibility.NETWORK),
        {**dict.fromkeys(ANYONE, 200), "anonymous": 302},
    ),
    Case("practices:detail", url_of("practices:detail", Visibility.PUBLIC), ANYONE),
    Case("practices:edit", url_of("practices:edit"), only(EDITORS_OF_A, others=404)),
    Case("practices:edit", url_of("practices:edit", Visibility.PUBLIC), only(EDITORS_OF_A, others=404)),
    Case("practices:delete", url_of("practices:delete"), only(EDITORS_OF_A, others=404)),
    Case(
        "practices:delete",
        url_of("practices:delete"),
        only(dict.fromkeys(EDITORS_OF_A, 302), others=404),
        method="post",
    ),
    # Staff of any school who can read the practice respond to it; the author cannot mark it tried.
    Case(
        "practices:comment",
        url_of("practices:comment", Visibility.NETWORK),
        only(dict.fromkeys(STAFF_OF_ANY_SCHOOL, 400), others=404),
        method="post",
    ),
    Case(
        "practices:comment",
        url_of("practices:comment"),
        only(dict.fromkeys((*SCHOOL_A_STAFF, "admin"), 400), others=404),
        method="post",
    ),
    Case(
        "practices:tried",
        url_of("practices:tried", Visibility.PUBLIC),
        only({**dict.fromkeys(STAFF_OF_ANY_SCHOOL, 302), "teacher_a": 400}, others=404),
        method="post",
    ),
    Case(
        "practices:withdraw_tried",
        url_of("practices:withdraw_tried", Visibility.NETWORK),
        only(dict.fromkeys(STAFF_OF_ANY_SCHOOL, 302), others=404),
        method="post",
    ),
    Case(
        "practices:adapt",
        url_of("practices:adapt", Visibility.NETWORK),
        only(dict.fromkeys(STAFF_OF_ANY_SCHOOL, 200), others=404),
    ),
    Case(
        "practices:adapt",
        url_of("practices:adapt"),
        only(dict.fromkeys((*SCHOOL_A_STAFF, "admin"), 200), others=404),
    ),
    Case(
        "practices:adapt",
        url_of("practices:adapt", Visibility.PUBLIC),
        only(dict.fromkeys(STAFF_OF_ANY_SCHOOL, 400), others=404),
        method="post",
    ),
    Case(
        "practices:attachment",
        lambda w: file_of_a(w, Visibility.SCHOOL),
        only(READERS_OF_A, others=404),
    ),
    Case("practices:attachment", lambda w: file_of_a(w, Visibility.PUBLIC), ANYONE),
]
