from django.urls import path

from twinschools.mentoring import views

app_name = "mentoring"

urlpatterns = [
    path("schools/<int:pk>/workspace/mentoring/", views.school_mentoring, name="school_mentoring"),
    path("mentoring/", views.nso_matching, name="nso_matching"),
    path("mentoring/pairs/<int:pk>/", views.pair_detail, name="pair_detail"),
]
