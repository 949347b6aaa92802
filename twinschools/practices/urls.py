from django.urls import path

from twinschools.practices import views

app_name = "practices"

urlpatterns = [
    path("practices/", views.library, name="library"),
    path("practices/<int:pk>/", views.detail, name="detail"),
    path("practices/<int:pk>/edit/", views.edit, name="edit"),
    path("practices/<int:pk>/delete/", views.delete, name="delete"),
    path("practices/<int:pk>/comments/", views.comment, name="comment"),
    path("practices/<int:pk>/tried/", views.tried, name="tried"),
    path("practices/<int:pk>/tried/withdraw/", views.withdraw_tried, name="withdraw_tried"),
    path("practices/<int:pk>/adapt/", views.adapt, name="adapt"),
    path("practices/files/<int:pk>/", views.attachment, name="attachment"),
    path("schools/<int:pk>/workspace/practices/", views.school_library, name="school_library"),
    path("schools/<int:pk>/workspace/practices/new/", views.create, name="create"),
]
