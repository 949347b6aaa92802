from django.urls import path

from twinschools.evaluation import views

app_name = "evaluation"

urlpatterns = [
    path("evaluation/", views.nso_list, name="nso_list"),
    path("evaluation/decide/", views.decide_batch, name="decide_batch"),
    path("evaluation/applications/<int:pk>/", views.application, name="application"),
    path("evaluation/applications/<int:pk>/assign/", views.assign, name="assign"),
    path("evaluation/applications/<int:pk>/moderate/", views.moderate, name="moderate"),
    path("evaluation/applications/<int:pk>/decide/", views.decide, name="decide"),
    path("evaluation/awards/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("evaluation/reviews/<int:pk>/reopen/", views.reopen, name="reopen"),
    path("evaluation/countries/<str:code>/settings/", views.round_settings, name="settings"),
    path("evaluation/countries/<str:code>/evaluators/", views.evaluators, name="evaluators"),
    path(
        "evaluation/evaluators/<int:pk>/deactivate/", views.deactivate_evaluator, name="deactivate_evaluator"
    ),
    path("evaluation/assignments/", views.assignments, name="assignments"),
    path("evaluation/assignments/<int:pk>/", views.review, name="review"),
    path("evaluation/assignments/<int:pk>/declare/", views.declare, name="declare"),
    path("applications/<int:pk>/result/", views.result, name="result"),
    path("applications/<int:pk>/certificate/", views.certificate, name="certificate"),
    path("labels/rounds/<int:pk>/rubric/", views.rubric, name="rubric"),
    path("etwinning-schools/map/", views.label_map, name="map"),
]
