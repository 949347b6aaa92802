"""The site's URLs as they are under DEBUG (the development outbox mounted)."""

from twinschools.core import urls_dev
from twinschools.urls import urlpatterns as site_patterns

urlpatterns = [*site_patterns, *urls_dev.patterns(True)]
