from django.urls import path

from twinschools.reach import views

app_name = "reach"

urlpatterns = [
    path("schools/<int:pk>/workspace/reach/", views.school_reach, name="school_reach"),
    path("reach/", views.country_reach, name="country_reach"),
    path("reach/regions.csv", views.regions_csv, name="regions_csv"),
    path("reach/gaps.csv", views.gaps_csv, name="gaps_csv"),
]
