"""factory_boy factories for outreach events: plain, with no surprising side effects."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from tests.factories import SchoolFactory
from twinschools.events import services
from twinschools.events.models import (
    Event,
    EventStatus,
    Kind,
    Registration,
    RegistrationStatus,
    Role,
    Session,
)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    school = factory.SubFactory(SchoolFactory)
    kind = Kind.INFORMATION
    title = factory.Sequence(lambda n: f"Sesiune de informare {n}")
    address = "Strada Școlii 1"
    capacity = 10
    status = EventStatus.PUBLISHED


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session
        skip_postgeneration_save = True  # the span hook writes the event, not the session

    event = factory.SubFactory(EventFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda s: s.starts_at + datetime.timedelta(hours=2))

    @factory.post_generation
    def span(session: Session, create: bool, extracted: object, **kwargs: object) -> None:
        # what services.add_session does after writing a session
        if create:
            services.refresh_span(event_ids=[session.event_id])
            session.event.refresh_from_db(fields=["first_starts_at", "last_ends_at"])


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Guest {n}")
    email = factory.Sequence(lambda n: f"guest{n}@example.org")
    role = Role.TEACHER
    status = RegistrationStatus.CONFIRMED
    token = factory.Sequence(lambda n: f"token-{n}-abcdefghijklmnop")
