from django.urls import path

from twinschools.planning import views

app_name = "planning"

urlpatterns = [
    path("schools/<int:pk>/workspace/plan/", views.plan, name="plan"),
    path("schools/<int:pk>/workspace/plan/new/", views.create_plan, name="create_plan"),
    path("workspace/plans/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("workspace/plans/<int:pk>/history/", views.plan_history, name="plan_history"),
    path("workspace/plans/<int:pk>/print/", views.plan_print, name="plan_print"),
    path("workspace/plans/<int:pk>/pdf/", views.plan_pdf, name="plan_pdf"),
    path("workspace/plans/<int:pk>/goals/new/", views.add_goal, name="add_goal"),
    path("workspace/plan-goals/<int:pk>/edit/", views.edit_goal, name="edit_goal"),
    path("workspace/plan-goals/<int:pk>/delete/", views.delete_goal, name="delete_goal"),
    path("workspace/plan-goals/<int:pk>/actions/new/", views.add_action, name="add_action"),
    path("workspace/plan-actions/<int:pk>/", views.action_detail, name="action"),
    path("workspace/plan-actions/<int:pk>/edit/", views.edit_action, name="edit_action"),
    path("workspace/plan-actions/<int:pk>/delete/", views.delete_action, name="delete_action"),
    path("workspace/plan-actions/<int:pk>/notes/", views.add_note, name="add_note"),
    path("workspace/plan-actions/<int:pk>/history/", views.action_history, name="action_history"),
    path("schools/<int:pk>/workspace/calendar/", views.calendar, name="calendar"),
    path("schools/<int:pk>/workspace/calendar/new/", views.add_activity, name="add_activity"),
    path("schools/<int:pk>/workspace/calendar/feeds/", views.feeds, name="feeds"),
    path("schools/<int:pk>/workspace/calendar/feeds/reset/", views.reset_feed, name="reset_feed"),
    path("workspace/activities/<int:pk>/", views.activity_detail, name="activity"),
    path("workspace/activities/<int:pk>/edit/", views.edit_activity, name="edit_activity"),
    path("calendar-feeds/<str:token>.ics", views.feed, name="feed"),
]
