import os

from django.core.wsgi import get_wsgi_application

from twinschools.core.collector import tune_garbage_collector

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twinschools.settings")
application = get_wsgi_application()
tune_garbage_collector()
