#!/bin/sh
# Backs up TwinSchools: the database (pg_dump's custom format) and the private files (a tar),
# into TARGET/twinschools-<UTC time>/. Reads DATABASE_URL and TWINSCHOOLS_PRIVATE_MEDIA_ROOT
# (or TWINSCHOOLS_VAR_DIR/private), as the services do; `deploy/restore.sh` puts both back.
#
#   deploy/backup.sh /var/backups/twinschools          # TWINSCHOOLS_BACKUP_KEEP=14 by default
#
# pg_dump must be of the server's major version or newer (pg_dump refuses an older one).
set -eu

usage() { echo "usage: $0 TARGET_DIR" >&2; exit 2; }
[ $# -eq 1 ] || usage
target=$1
: "${DATABASE_URL:?DATABASE_URL must be set (postgres://user:password@host:5432/name)}"
case $DATABASE_URL in
    postgres://* | postgresql://*) ;;
    *) echo "$0: DATABASE_URL is not a PostgreSQL address; back up SQLite by copying its file." >&2; exit 2 ;;
esac
checkout=$(cd "$(dirname "$0")/.." && pwd)
media=${TWINSCHOOLS_PRIVATE_MEDIA_ROOT:-${TWINSCHOOLS_VAR_DIR:-$checkout/var}/private}
keep=${TWINSCHOOLS_BACKUP_KEEP:-14}

# Nobody but the owner reads a backup: it holds every person's data and the sealed keys.
umask 077
mkdir -p "$target"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
final="$target/twinschools-$stamp"
# Written under a temporary name and renamed at the end: a backup that failed halfway never
# looks complete, and pruning only ever counts complete ones.
partial="$target/.partial-$stamp"
trap 'rm -rf "$partial"' EXIT
mkdir "$partial"

pg_dump --format=custom --no-owner --no-privileges --file="$partial/database.dump" --dbname="$DATABASE_URL"
if [ -d "$media" ]; then
    tar -C "$media" -czf "$partial/private-media.tar.gz" .
else
    echo "$0: no private files at $media (object storage is backed up apart); database only." >&2
fi
mv "$partial" "$final"
trap - EXIT
echo "$final"

# Keep the newest $keep backups (their names sort by time).
if [ "$keep" -gt 0 ]; then
    find "$target" -mindepth 1 -maxdepth 1 -type d -name 'twinschools-*' | sort -r | tail -n +"$((keep + 1))" |
        while read -r old; do rm -rf "$old"; done
fi
