# TwinSchools: `make demo` serves a demo network; `make test` runs every test.
# Everything is installed by these targets: nothing needs installing by hand.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DEMO_ENV := DJANGO_DEBUG=true
APT := $(shell [ "$$(id -u)" = 0 ] && echo apt-get || echo sudo apt-get)

.PHONY: demo demo-code test test-postgres setup system-deps messages lint bench serve clean screenshots

demo: setup
	$(DEMO_ENV) $(PY) manage.py migrate --no-input -v0
	@if [ ! -f var/demo-network.done ]; then \
		$(DEMO_ENV) $(PY) manage.py generate_network --scale demo --seed 1 --replace && touch var/demo-network.done; \
	fi
	@echo "Serving TwinSchools at http://127.0.0.1:8000 (demo sign-ins: see README.md)"
	@# A Celery worker beside the server runs the background jobs (imports, the eligibility
	@# check...); its broker is a folder under var/ (kombu's filesystem transport), so no other
	@# server is needed. The trap stops the worker when the server stops.
	@export $(DEMO_ENV) CELERY_BROKER_URL=filesystem://; \
	$(PY) -m celery -A twinschools worker --pool=solo --loglevel=warning --logfile=var/celery-worker.log & \
	worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:8000

# The current sign-in code of the demo's NSO staff, evaluators and admin (their second step).
demo-code:
	@$(DEMO_ENV) $(PY) manage.py demo_code

# Two workers (pytest-xdist): each has its own test database and live server.
PYTEST_WORKERS ?= 2

test: setup
	$(PY) -m pytest -n $(PYTEST_WORKERS)

test-postgres: setup
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/twinschools} $(PY) -m pytest -n $(PYTEST_WORKERS)

setup: system-deps $(VENV)/.installed node_modules/.installed messages

# Debian packages: gettext compiles translations, Chromium runs the browser tests, npm vendors assets,
# Pango and DejaVu fonts let WeasyPrint print the action plan as PDF (with ș, ț, ŀl); poppler-utils'
# pdftotext lets the certificate tests read the PDFs; postgresql-client's pg_dump and pg_restore run
# the backup scripts (deploy/backup.sh, deploy/restore.sh) and their test.
system-deps:
	@missing=""; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	ldconfig -p | grep -q libpangoft2-1.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	[ -d /usr/share/fonts/truetype/dejavu ] || missing="$$missing fonts-dejavu-core"; \
	command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	command -v pg_restore >/dev/null || missing="$$missing postgresql-client"; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing with apt"; \
		$(APT) update -qq && DEBIAN_FRONTEND=noninteractive $(APT) install -y -qq $$missing; \
	fi

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

messages: $(VENV)/.installed
	$(DEMO_ENV) $(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v0

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(PY) tools/check_translations.py

bench: setup
	$(PY) -m bench

# Screenshots of each role's home page and each feature's main page (docs/screenshots/), at 1280 and
# 390 px, from the demo that `make demo` serves (start it first, in another terminal).
screenshots: setup
	$(PY) tools/screenshots.py --base $${DEMO_URL:-http://127.0.0.1:8000} --out docs/screenshots
	@# About a third of the size in git, where every refresh stays for ever (skipped without pngquant).
	@if command -v pngquant >/dev/null; then pngquant --force --ext .png --skip-if-larger --quality 60-90 docs/screenshots/*.png || true; fi

clean:
	rm -rf var
