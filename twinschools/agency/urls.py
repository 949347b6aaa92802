from django.urls import path

from twinschools.agency import views

app_name = "agency"

urlpatterns = [
    path("schools/<int:pk>/workspace/students/", views.school_students, name="school_students"),
    path("schools/<int:pk>/workspace/students/teams/new/", views.team_create, name="team_create"),
    path("workspace/student-teams/<int:pk>/", views.team_edit, name="team_edit"),
    path("workspace/initiatives/<int:pk>/", views.moderate_initiative, name="moderate_initiative"),
    path("workspace/initiatives/<int:pk>/held/", views.record_held, name="record_held"),
    path("workspace/suggestions/<int:pk>/", views.moderate_suggestion, name="moderate_suggestion"),
    path("student/", views.student_home, name="student_home"),
    path("student/initiatives/new/", views.propose_initiative, name="propose_initiative"),
    path("student/initiatives/<int:pk>/", views.edit_initiative, name="edit_initiative"),
    path("schools/<int:pk>/suggestions/new/", views.suggest, name="suggest"),
    path("parent/", views.parent_home, name="parent_home"),
]
