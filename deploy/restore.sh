#!/bin/sh
# Restores a backup made by deploy/backup.sh: the database into DATABASE_URL (its tables are
# dropped and recreated: pg_restore --clean --if-exists) and the private files into
# TWINSCHOOLS_PRIVATE_MEDIA_ROOT (or TWINSCHOOLS_VAR_DIR/private). Stop the web, the worker and
# beat first. Files added after the backup stay; files in it are put back as they were.
#
#   deploy/restore.sh /var/backups/twinschools/twinschools-20261202T031500Z
#
# The database must exist and belong to the role in DATABASE_URL (`createdb -O`); to try a
# restore without touching the site, point DATABASE_URL at a new, empty database.
set -eu

usage() { echo "usage: $0 BACKUP_DIR" >&2; exit 2; }
[ $# -eq 1 ] || usage
backup=$1
[ -f "$backup/database.dump" ] || { echo "$0: $backup/database.dump not found." >&2; exit 2; }
: "${DATABASE_URL:?DATABASE_URL must be set (postgres://user:password@host:5432/name)}"
checkout=$(cd "$(dirname "$0")/.." && pwd)
media=${TWINSCHOOLS_PRIVATE_MEDIA_ROOT:-${TWINSCHOOLS_VAR_DIR:-$checkout/var}/private}

# One transaction: a restore that fails leaves the database as it was.
pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error \
    --dbname="$DATABASE_URL" "$backup/database.dump"
if [ -f "$backup/private-media.tar.gz" ]; then
    mkdir -p "$media"
    tar -C "$media" -xzf "$backup/private-media.tar.gz"
fi
echo "Restored $backup"
