from django.urls import path

from twinschools.mission import views

app_name = "mission"

urlpatterns = [
    path("schools/<int:pk>/workspace/", views.overview, name="overview"),
    path("schools/<int:pk>/workspace/inclusion/", views.inclusion, name="inclusion"),
    path("schools/<int:pk>/workspace/inclusion/new/", views.new_inclusion_measure, name="inclusion_new"),
    path("inclusion-measures/<int:pk>/edit/", views.edit_inclusion_measure, name="inclusion_edit"),
    path("inclusion-measures/<int:pk>/delete/", views.delete_inclusion_measure, name="inclusion_delete"),
    path("schools/<int:pk>/workspace/innovation/", views.innovation, name="innovation"),
    path(
        "schools/<int:pk>/workspace/learning-organisation/",
        views.learning_organisation,
        name="learning_organisation",
    ),
]
