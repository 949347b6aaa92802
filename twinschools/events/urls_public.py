"""Finding events: the public regional calendar and the calendar files."""

from django.urls import URLPattern, path

from twinschools.events import views

public_patterns: list[URLPattern] = [
    path("events/", views.calendar, name="calendar"),
    path("events/<int:pk>/calendar.ics", views.event_ics, name="event_ics"),
    path("events/regions/<slug:country>/<slug:code>.ics", views.region_ics, name="region_ics"),
    path("events/schools/suggestions/", views.school_suggestions, name="school_suggestions"),
]
