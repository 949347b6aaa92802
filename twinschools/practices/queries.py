"""Reads of the practice library, scoped to what the reader may see."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.core.paginator import Page
from django.db import connection, transaction
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from twinschools.accounts.models import STAFF_ROLES
from twinschools.core.authz import roles_of
from twinschools.core.text import search_patterns
from twinschools.network.models import Country, Level, School
from twinschools.network.queries import CappedPaginator
from twinschools.practices.models import Attachment, Comment, Practice, Tried, Visibility
from twinschools.practices.search import facet_word

PAGE_SIZE = 20


@dataclass(frozen=True)
class LibraryFilters:
    query: str = ""
    approach: str = ""
    subject: str = ""
    level: str = ""
    age: int | None = None
    language: str = ""
    country: str = ""


# What the school's own library can narrow to; the mission overview links to these.
class Shown:
    ALL = ""
    ADAPTED = "adapted"  # adapted by other schools
    TRIED = "tried"  # tried by colleagues
    WITH_APPROACHES = "approaches"


def visible_to(user: Any) -> QuerySet[Practice]:
    """Every practice `user` may read: public ones, network ones once signed in, and their schools' own."""
    practices = Practice.objects.all()
    roles = roles_of(user)
    if roles.is_admin:
        return practices
    if not getattr(user, "is_authenticated", False):
        return practices.filter(visibility=Visibility.PUBLIC)
    own = Q(school_id__in=roles.schools_with(*STAFF_ROLES))
    if roles.nso_countries:
        own |= Q(school__country_id__in=roles.nso_countries)
    return practices.filter(Q(visibility__in=[Visibility.NETWORK, Visibility.PUBLIC]) | own)


def _count_of(rows: QuerySet[Any], field: str) -> Coalesce:
    """A correlated count: computed for the rows of the page only, not for every match."""
    counted = rows.filter(**{field: OuterRef("pk")}).order_by().values(field).annotate(total=Count("pk"))
    return Coalesce(Subquery(counted.values("total")), 0)


def _for_lists(practices: QuerySet[Practice]) -> QuerySet[Practice]:
    """What a row of a library shows, in a fixed number of queries."""
    return (
        practices.select_related("school__country", "author")
        .prefetch_related("approaches")
        .annotate(
            tried_count=_count_of(Tried.objects.all(), "practice"),
            adaptation_count=_count_of(Practice.objects.all(), "adapted_from"),
        )
    )


def _page_of(practices: QuerySet[Practice], page_number: str | int | None) -> Page[Practice]:
    """A page of a school's library, newest first, with the exact count."""
    rows = _for_lists(practices).order_by("-created_at", "-id")
    count = practices.order_by().count()
    return CappedPaginator(rows, PAGE_SIZE, count=count, cap=count).get_page(page_number)


@contextmanager
def _through_the_indexes() -> Iterator[None]:
    """Let PostgreSQL find matches only through the indexes (bitmap scans) in this block.

    Its estimates for several LIKE conditions assume they are independent, so when words and
    filters rarely meet ("outdoor" in Catalan) it expects many matches and walks the whole
    table or the newest-first index to find a few. The trigram index finds them at once.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        yield


def _network_page_of(practices: QuerySet[Practice], page_number: str | int | None) -> Page[Practice]:
    """A page of the network library, newest first, counted up to the cap ("more than 200"
    reads as well as an exact figure and costs far less).

    Past the cap, matches are everywhere and walking the newest-first index finds a page
    at once; below it, the few matches are found through the indexes and sorted.
    """
    cap = settings.PRACTICE_LIBRARY_COUNT_CAP
    rows = _for_lists(practices).order_by("-created_at", "-id")
    with _through_the_indexes():
        count = practices.order_by().values("pk")[: cap + 1].count()
    paginator = CappedPaginator(rows, PAGE_SIZE, count=count, cap=cap)
    if count > cap:
        return paginator.get_page(page_number)
    with _through_the_indexes():
        page = paginator.get_page(page_number)
        page.object_list = list(page.object_list)
    return page


def _approach_used(codes: list[str]) -> Q:
    through = Practice.approaches.through.objects.filter(practice_id=OuterRef("pk"), approach_id__in=codes)
    return Q(Exists(through))


def _matching(practices: QuerySet[Practice], query: str) -> QuerySet[Practice]:
    """Every word must appear in the searchable text, which holds the approach, subject and level
    names in every language (so "aula invertida" finds practices tagged flipped classroom).
    One trigram-indexed LIKE per word, so PostgreSQL answers from the index at Europe scale."""
    words = Q()
    for pattern in search_patterns(query):
        words &= Q(search_text__contains=pattern)
    return practices.filter(words)


def _has_facet(kind: str, code: str) -> Q:
    return Q(search_text__contains=f" {facet_word(kind, code)} ")


def _filtered(practices: QuerySet[Practice], filters: LibraryFilters) -> QuerySet[Practice]:
    if filters.query.strip():
        practices = _matching(practices, filters.query)
    # Filters are facet words of the searchable text (see services.search_text_for).
    for kind, code in (
        ("approach", filters.approach),
        ("subject", filters.subject),
        ("level", filters.level),
        ("language", filters.language),
    ):
        if code:
            practices = practices.filter(_has_facet(kind, code))
    if filters.age is not None:
        practices = practices.filter(age_min__lte=filters.age, age_max__gte=filters.age)
    if filters.country:
        country = Country.objects.filter(code=filters.country).values("id")[:1]
        practices = practices.filter(school__country_id__in=country)
    return practices


def library_page(user: Any, filters: LibraryFilters, page_number: str | int | None) -> Page[Practice]:
    """One page of the network library: what `user` may read, matching `filters`, newest first."""
    return _network_page_of(_filtered(visible_to(user), filters), page_number)


def school_library_page(
    school: School, *, shown: str, approach: str, page_number: str | int | None
) -> Page[Practice]:
    """The school's own practices, whatever their visibility (the reader may view the workspace)."""
    practices = Practice.objects.filter(school=school)
    if shown == Shown.ADAPTED:
        others = Practice.objects.filter(adapted_from=OuterRef("pk")).exclude(school=school)
        practices = practices.filter(Exists(others))
    elif shown == Shown.TRIED:
        practices = practices.filter(Exists(_tried_by_colleagues().filter(practice=OuterRef("pk"))))
    elif shown == Shown.WITH_APPROACHES:
        practices = practices.filter(
            Exists(Practice.approaches.through.objects.filter(practice=OuterRef("pk")))
        )
    if approach:
        practices = practices.filter(_approach_used([approach]))
    return _page_of(practices, page_number)


def _tried_by_colleagues() -> QuerySet[Tried]:
    """Marks by someone other than the practice's author."""
    return Tried.objects.exclude(user_id=F("practice__author_id"))


def practice(pk: int) -> Practice:
    """A practice with what its page and the permission checks need; 404 if missing."""
    return get_object_or_404(
        Practice.objects.select_related(
            "school__country", "author", "adapted_from__school", "adapted_from__author"
        ).prefetch_related("approaches", "levels", "links", "attachments"),
        pk=pk,
    )


def attachment(pk: int) -> Attachment:
    return get_object_or_404(Attachment.objects.select_related("practice__school__country"), pk=pk)


def adaptations_of(practice: Practice, user: Any) -> QuerySet[Practice]:
    """The adaptations of `practice` that `user` may read."""
    return (
        visible_to(user)
        .filter(adapted_from=practice)
        .select_related("school__country", "author")
        .order_by("-created_at", "-id")
    )


def comments_of(practice: Practice) -> QuerySet[Comment]:
    return Comment.objects.filter(practice=practice).select_related("author", "school")


def tried_marks_of(practice: Practice) -> QuerySet[Tried]:
    return Tried.objects.filter(practice=practice).select_related("user", "school")


def tried_by(practice: Practice, user: Any) -> Tried | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Tried.objects.filter(practice=practice, user=user).first()


def schools_to_adapt_into(user: Any) -> QuerySet[School]:
    """The schools where `user` is on the staff: an adaptation goes to one of them."""
    return School.objects.filter(pk__in=roles_of(user).schools_with(*STAFF_ROLES)).order_by("name")


def levels() -> QuerySet[Level]:
    return Level.objects.all()


def countries_with_practices() -> QuerySet[Country]:
    return Country.objects.filter(Exists(Practice.objects.filter(school__country=OuterRef("pk"))))


# The mission overview and the innovation record. A period runs from `since` to `until`
# (both included); without `until` it runs on to today.


def _within(since: date, until: date | None, *, field: str = "created_at") -> Q:
    period = Q(**{f"{field}__date__gte": since})
    if until is not None:
        period &= Q(**{f"{field}__date__lte": until})
    return period


def shared_since(school: School, since: date, until: date | None = None) -> QuerySet[Practice]:
    return Practice.objects.filter(_within(since, until), school=school)


def adapted_by_others_since(school: School, since: date, until: date | None = None) -> QuerySet[Practice]:
    """Adaptations other schools made of this school's practices."""
    return (
        Practice.objects.filter(_within(since, until), adapted_from__school=school)
        .exclude(school=school)
        .select_related("adapted_from")
    )


def tried_since(school: School, since: date, until: date | None = None) -> QuerySet[Tried]:
    """Colleagues' "I tried it" marks on this school's practices (the author's own never count)."""
    return (
        Tried.objects.filter(_within(since, until), practice__school=school)
        .exclude(user_id=F("practice__author_id"))
        .select_related("practice")
    )


def with_approaches_since(school: School, since: date, until: date | None = None) -> QuerySet[Practice]:
    tagged = Practice.approaches.through.objects.filter(practice_id=OuterRef("pk"))
    return shared_since(school, since, until).filter(Exists(tagged))


def _tags_within(school: School, since: date, until: date | None) -> QuerySet[Any]:
    return Practice.approaches.through.objects.filter(
        _within(since, until, field="practice__created_at"), practice__school=school
    )


def practices_per_approach(school: School, since: date, until: date | None = None) -> dict[str, int]:
    rows = (
        _tags_within(school, since, until)
        .values("approach_id")
        .annotate(total=Count("practice_id"))
        .values_list("approach_id", "total")
    )
    return dict(rows)


def latest_per_approach(
    school: School, since: date, until: date | None = None, *, codes: list[str], limit: int
) -> dict[str, list[Practice]]:
    """The latest practices per approach, in one query however many approaches."""
    rows = (
        _tags_within(school, since, until)
        .filter(approach_id__in=codes)
        .select_related("practice")
        .order_by("-practice__created_at", "-practice_id")
    )
    latest: dict[str, list[Practice]] = {}
    for row in rows:
        shown = latest.setdefault(row.approach_id, [])
        if len(shown) < limit:
            shown.append(row.practice)
    return latest
