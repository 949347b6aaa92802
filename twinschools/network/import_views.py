# Placeholder replaced by the import feature (network/importing).
from django.http import HttpRequest, HttpResponse

from twinschools.core.permissions import requires


@requires("network.import_network")
def import_network(request: HttpRequest) -> HttpResponse:
    return HttpResponse("")
