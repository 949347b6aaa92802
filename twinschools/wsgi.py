import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twinschools.settings")
application = get_wsgi_application()

# Django, its apps and their modules are loaded now and live as long as the process: moving
# them out of the collector's generations keeps full collections short, which otherwise add
# 80-100 ms to one request in a few on pages that load many rows (measured in `make bench`).
gc.collect()
gc.freeze()
