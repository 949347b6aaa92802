import os

from celery import Celery
from celery.signals import worker_ready

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twinschools.settings")

app = Celery("twinschools")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_ready.connect
def sweep_jobs_when_a_worker_starts(**kwargs: object) -> None:
    """A restarted worker fails the jobs its predecessor died in, and queues again the lost
    ones: `make demo` runs no beat, so this is when the demo does it.

    Queued as tasks, so that the pool's process opens the database, not the parent: once now,
    and once when a predecessor's last heartbeat must have gone stale; the purge of old jobs
    too.
    """
    from twinschools.core import jobs, tasks

    tasks.sweep_jobs.delay()
    tasks.sweep_jobs.apply_async(countdown=jobs.STALE_AFTER.total_seconds() + jobs.HEARTBEAT_EVERY_SECONDS)
    tasks.purge_finished_jobs.delay()
