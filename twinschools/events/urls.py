from django.urls import path

from twinschools.events import views
from twinschools.events.urls_day import day_patterns
from twinschools.events.urls_public import public_patterns

app_name = "events"

urlpatterns = [
    path("schools/<int:pk>/workspace/events/", views.school_events, name="school_events"),
    path("schools/<int:pk>/workspace/events/new/", views.event_create, name="event_create"),
    path("workspace/events/<int:pk>/", views.event_manage, name="event_manage"),
    path("workspace/events/<int:pk>/edit/", views.event_edit, name="event_edit"),
    path("workspace/events/<int:pk>/sessions/new/", views.session_add, name="session_add"),
    path("workspace/events/sessions/<int:pk>/edit/", views.session_edit, name="session_edit"),
    path("workspace/events/sessions/<int:pk>/cancel/", views.session_cancel, name="session_cancel"),
    path("workspace/events/<int:pk>/status/", views.event_status, name="event_status"),
    path("workspace/registrations/<int:pk>/decide/", views.registration_decide, name="registration_decide"),
    path("workspace/registrations/<int:pk>/erase/", views.registration_erase, name="registration_erase"),
    path("events/<int:pk>/", views.event_detail, name="event_detail"),
    path("events/confirm/<str:token>/", views.confirm, name="confirm"),
    path("events/registration/<str:token>/", views.registration, name="registration"),
]

# On the day (check-in, attendance, certificates) and finding events (calendar, feeds).
urlpatterns += day_patterns + public_patterns
