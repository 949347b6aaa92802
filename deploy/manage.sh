#!/bin/sh
# manage.py with the services' settings (/etc/twinschools/env) as the services' user, e.g.
#   deploy/manage.sh migrate
#   deploy/manage.sh create_admin --email ops@example.eu --name "Ana Ops"
# Run as root. TWINSCHOOLS_AS=root runs as root instead, for the one command that writes into
# the checkout: compilemessages.
set -eu
checkout=$(cd "$(dirname "$0")/.." && pwd)
env_file=${TWINSCHOOLS_ENV_FILE:-/etc/twinschools/env}
as=${TWINSCHOOLS_AS:-twinschools}
set -a
# shellcheck source=/dev/null
. "$env_file"
set +a
cd "$checkout"
if [ "$as" = "$(id -un)" ]; then
    exec "$checkout/.venv/bin/python" manage.py "$@"
fi
exec runuser -u "$as" -- "$checkout/.venv/bin/python" manage.py "$@"
