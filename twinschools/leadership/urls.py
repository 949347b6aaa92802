from django.urls import path

from twinschools.leadership import views

app_name = "leadership"

urlpatterns = [
    path("schools/<int:pk>/workspace/team/", views.team, name="team"),
    path("schools/<int:pk>/workspace/team/add/", views.add_member, name="add_member"),
    path("workspace/team-members/<int:pk>/remove/", views.remove_member, name="remove_member"),
    path("workspace/team-members/<int:pk>/delegate/", views.delegate, name="delegate"),
    path(
        "schools/<int:pk>/workspace/responsibilities/new/",
        views.new_responsibility,
        name="new_responsibility",
    ),
    path("workspace/responsibilities/<int:pk>/edit/", views.edit_responsibility, name="edit_responsibility"),
    path(
        "workspace/responsibilities/<int:pk>/delete/",
        views.delete_responsibility,
        name="delete_responsibility",
    ),
    path("schools/<int:pk>/workspace/decisions/", views.decisions, name="decisions"),
    path("schools/<int:pk>/workspace/decisions/new/", views.new_proposal, name="new_proposal"),
    path("workspace/proposals/<int:pk>/", views.proposal, name="proposal"),
    path("workspace/proposals/<int:pk>/position/", views.take_position, name="take_position"),
    path("workspace/proposals/<int:pk>/close/", views.close_proposal, name="close_proposal"),
    path("workspace/proposals/<int:pk>/withdraw/", views.withdraw_proposal, name="withdraw_proposal"),
    path("workspace/proposals/<int:pk>/outcome/", views.record_outcome, name="record_outcome"),
]
