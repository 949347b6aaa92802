"""Emptying the network before a new one is generated (`generate_network --replace`).

Deleting millions of rows through the ORM would load them all into memory, so
the tables are emptied with TRUNCATE (PostgreSQL, where no other table points
at them) or DELETE. Rows of other tables that point at what is removed are
handled first the way Django's on_delete says (cascade, set null, protect).
People are removed only if the generator made them (external id "TCH-..." or
"DEMO-..."); other accounts stay, without their school roles.
"""

from __future__ import annotations

from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Q

from twinschools.accounts.models import ClassGroup, CountryRole, Invitation, Membership, StudentProfile, User
from twinschools.network.models import (
    Activity,
    Project,
    ProjectSchool,
    ProjectTeacher,
    QualityLabel,
    Region,
    School,
    SchoolLabel,
)

GENERATED_PEOPLE_PREFIXES = ("TCH-", "DEMO-")

# Children before parents.
NETWORK_MODELS: tuple[type[models.Model], ...] = (
    Activity,
    QualityLabel,
    ProjectTeacher,
    ProjectSchool,
    Project,
    SchoolLabel,
    School.levels.through,
    School.languages.through,
    StudentProfile.guardians.through,
    StudentProfile,
    ClassGroup,
    Invitation,
    Membership,
    CountryRole,
    School,
    Region,
)


class ClearingError(Exception):
    pass


def network_is_empty() -> bool:
    return not (School.objects.exists() or Region.objects.exists() or Project.objects.exists())


def generated_people() -> models.QuerySet[User]:
    matches = Q()
    for prefix in GENERATED_PEOPLE_PREFIXES:
        matches |= Q(external_id__startswith=prefix)
    return User.objects.filter(matches)


def clear_network(connection: BaseDatabaseWrapper) -> None:
    """Removes every school, region, project and role, and the people the generator made."""
    cleared = set(NETWORK_MODELS)
    for model in NETWORK_MODELS:
        _release_references(model, model._base_manager.all(), skip=cleared)
    _empty_tables(connection, cleared)
    people = generated_people()
    _release_references(User, people, skip=cleared)
    conditions = " OR ".join(["external_id LIKE %s"] * len(GENERATED_PEOPLE_PREFIXES))
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {connection.ops.quote_name(User._meta.db_table)} WHERE {conditions}",
            [f"{prefix}%" for prefix in GENERATED_PEOPLE_PREFIXES],
        )


def _incoming(model: type[models.Model]) -> list[models.ForeignObjectRel]:
    return [
        field
        for field in model._meta.get_fields(include_hidden=True)
        if isinstance(field, models.ForeignObjectRel) and not field.many_to_many
    ]


def _release_references(
    model: type[models.Model], doomed: models.QuerySet, *, skip: set[type[models.Model]]
) -> None:
    """Applies on_delete to rows of other tables that point at `doomed` rows."""
    for relation in _incoming(model):
        if relation.related_model in skip:
            continue
        field = relation.field
        pointing = relation.related_model._base_manager.filter(**{f"{field.name}__in": doomed.values("pk")})
        if relation.on_delete is models.CASCADE:
            pointing.delete()
        elif relation.on_delete is models.SET_NULL:
            pointing.update(**{field.name: None})
        elif relation.on_delete in (models.PROTECT, models.RESTRICT) and pointing.exists():
            raise ClearingError(
                f"{relation.related_model.__name__} rows still refer to {model.__name__} rows."
            )


def _empty_tables(connection: BaseDatabaseWrapper, cleared: set[type[models.Model]]) -> None:
    quote = connection.ops.quote_name
    truncatable = _truncatable(cleared) if connection.vendor == "postgresql" else set()
    with connection.cursor() as cursor:
        if truncatable:
            names = ", ".join(quote(model._meta.db_table) for model in NETWORK_MODELS if model in truncatable)
            cursor.execute(f"TRUNCATE {names}")
        for model in NETWORK_MODELS:
            if model not in truncatable:
                cursor.execute(f"DELETE FROM {quote(model._meta.db_table)}")


def _truncatable(cleared: set[type[models.Model]]) -> set[type[models.Model]]:
    """Tables PostgreSQL lets us TRUNCATE together: only truncated tables point at them."""
    truncatable = set(cleared)
    changed = True
    while changed:
        blocked = {
            model
            for model in truncatable
            if any(relation.related_model not in truncatable for relation in _incoming(model))
        }
        truncatable -= blocked
        changed = bool(blocked)
    return truncatable
