from django.urls import path

from twinschools.applications import views

app_name = "applications"

urlpatterns = [
    path("schools/<int:pk>/workspace/applications/", views.school, name="school"),
    path("schools/<int:pk>/workspace/applications/start/", views.start, name="start"),
    path("applications/", views.nso_list, name="nso_list"),
    path("applications/<int:pk>/", views.detail, name="detail"),
    path("applications/<int:pk>/section/<int:number>/", views.section, name="section"),
    path("applications/<int:pk>/evidence/", views.add_evidence, name="add_evidence"),
    path("applications/<int:pk>/comments/", views.comment, name="comment"),
    path("applications/<int:pk>/signatory/", views.designate, name="designate"),
    path("applications/<int:pk>/sign/", views.sign, name="sign"),
    path("applications/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("applications/parts/<int:pk>/", views.save_part, name="save_part"),
    path("applications/parts/<int:pk>/resolve/", views.resolve_conflict, name="resolve_conflict"),
    path("applications/evidence/<int:pk>/file/", views.evidence_file, name="evidence_file"),
    path("applications/evidence/<int:pk>/remove/", views.remove_evidence, name="remove_evidence"),
    path("applications/comments/<int:pk>/resolve/", views.resolve_comment, name="resolve_comment"),
    path("applications/submissions/<int:pk>/", views.receipt, name="receipt"),
]
