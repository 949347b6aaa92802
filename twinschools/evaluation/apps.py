from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    """National evaluation of label applications: rubric, reviews, moderation, decision and award."""

    name = "twinschools.evaluation"
    label = "evaluation"

    def ready(self) -> None:
        from twinschools.evaluation.demo import seed_evaluation
        from twinschools.mission.registry import register_demo_seeder

        # After the applications seeder (90), which writes the demo school's application.
        register_demo_seeder(seed_evaluation, order=95)
