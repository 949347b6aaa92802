from django.urls import path

from twinschools.network import import_views, views

app_name = "network"
urlpatterns = [
    path("schools/", views.directory, name="directory"),
    path("schools/<int:pk>/", views.school_profile, name="school"),
    path("import/", import_views.import_network, name="import"),
]
