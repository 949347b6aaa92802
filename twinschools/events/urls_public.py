"""Finding events: the public regional calendar and the calendar files."""

from django.urls import URLPattern

public_patterns: list[URLPattern] = []
