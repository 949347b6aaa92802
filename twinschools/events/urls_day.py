"""Check-in, attendance and certificates: the organiser's day."""

from django.urls import URLPattern

day_patterns: list[URLPattern] = []
