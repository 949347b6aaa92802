"""Check-in, attendance and certificates: the organiser's day."""

from django.urls import URLPattern, path

from twinschools.events import views_day

day_patterns: list[URLPattern] = [
    path("workspace/events/sessions/<int:pk>/checkin/", views_day.checkin, name="checkin"),
    path("workspace/events/sessions/<int:pk>/attendance/", views_day.attendance, name="attendance"),
    path("workspace/events/arrivals/<str:token>/", views_day.arrival, name="arrival"),
    path("events/registration/<str:token>/pass/", views_day.registration_pass, name="pass"),
    path("events/registration/<str:token>/certificate.pdf", views_day.certificate, name="certificate"),
    path("events/certificates/<str:token>/", views_day.certificate_verify, name="certificate_verify"),
]
