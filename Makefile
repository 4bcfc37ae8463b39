# Tikar: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
HOST   ?= 127.0.0.1
PORT   ?= 8000
WORKERS ?= 2
PG_URL ?= postgres://postgres@127.0.0.1:5432/tikar_ci
CHROMIUM ?= /usr/bin/chromium

.PHONY: run serve-prod install install-dev migrate demo test test-pg test-browser lint format bench messages translations check clean

# What the app needs to run, in a local virtualenv (re-run only when pyproject.toml changes).
$(VENV)/.installed: pyproject.toml
	@echo "==> Memasang paket… (pertama kali sekitar satu menit)"
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q --disable-pip-version-check --upgrade pip
	@$(PY) -m pip install -q --disable-pip-version-check -e .
	@touch $@

# Plus the development tools (pytest, Playwright, ruff, polib): for test, lint and translations.
$(VENV)/.installed-dev: $(VENV)/.installed
	@echo "==> Memasang alat pengembangan (pytest, Playwright, ruff)…"
	@$(PY) -m pip install -q --disable-pip-version-check -e '.[dev]'
	@touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	@echo "==> Menyiapkan basis data… (pertama kali juga memuat 91.599 wilayah)"
	@DEBUG=1 $(PY) manage.py migrate --noinput -v0

demo: migrate
	@echo "==> Memuat data demo…"
	@DEBUG=1 $(PY) manage.py load_demo

# Migrate the embedded SQLite database, load the demo, serve on http://$(HOST):$(PORT)
# (another port: `make run PORT=8080`; reachable from a phone on the same network:
# `make run HOST=0.0.0.0`).
# The background worker (exports, big imports, scorecard refresh) runs beside the web server:
# tikar/jobs/supervisor.py starts both and Ctrl+C stops both (docs/deploy.md).
run: demo
	@echo "==> Tikar berjalan di http://$(HOST):$(PORT)/ dengan worker latar belakang  (berhenti: Ctrl+C)"
	@DEBUG=1 TIKAR_DEMO=1 $(PY) -m tikar.jobs.supervisor \
	  "web=$(PY) manage.py runserver $(HOST):$(PORT)" "worker=$(PY) manage.py worker --reload" --restart worker

# Production settings on this machine, as docs/deploy.md runs them: DEBUG off, a SECRET_KEY
# kept in var/secret_key, static files collected and served by WhiteNoise, gunicorn. Only the
# HTTPS-only settings are off, because this serves plain http://$(HOST):$(PORT).
PROD_ENV = DEBUG=0 SECRET_KEY="$$(cat var/secret_key)" SECURE_SSL_REDIRECT=0 \
  SESSION_COOKIE_SECURE=0 CSRF_COOKIE_SECURE=0 SECURE_HSTS_SECONDS=0
serve-prod: migrate
	@test -s var/secret_key || $(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret_key
	@echo "==> Mengumpulkan berkas statis…"
	@$(PROD_ENV) $(PY) manage.py collectstatic --noinput -v0
	@echo "==> Tikar (mode produksi, gunicorn + worker) di http://$(HOST):$(PORT)/  (berhenti: Ctrl+C)"
	@$(PROD_ENV) $(PY) -m tikar.jobs.supervisor \
	  "web=$(VENV)/bin/gunicorn tikar.wsgi:application --bind $(HOST):$(PORT) --workers $(WORKERS) --timeout 60 --access-logfile - --no-control-socket" \
	  "worker=$(PY) manage.py worker" --restart worker

test: install-dev
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  echo "##########################################################################"; \
	  echo "## WARNING: $(CHROMIUM) not found: the BROWSER TESTS WILL BE SKIPPED.      "; \
	  echo "## Install it with: sudo apt-get install chromium                          "; \
	  echo "##########################################################################"; \
	fi
	$(PY) -m pytest

# The same suite against PostgreSQL (a throw-away test database is created and dropped).
test-pg: install-dev
	DATABASE_URL=$(PG_URL) $(PY) -m pytest --create-db

lint: install-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports --no-logo  # the apps' layers (pyproject.toml [tool.importlinter])

format: install-dev
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

check: install
	TIKAR_TESTING=1 $(PY) manage.py makemigrations --check --dry-run
	DEBUG=0 SECRET_KEY=check-deploy-$$(date +%s)-0123456789abcdefghijklmnopqrstuvwxyz ALLOWED_HOSTS=tikar.example.org \
	  $(PY) manage.py check --deploy --fail-level WARNING

bench: install-dev
	$(PY) bench/run_all.py

# The national-size benchmark (issue 12): a province at real size and every other desa's
# quarterly totals in a throw-away PostgreSQL database test_<name of NATIONAL_URL>, then every
# area page measured (README "Performance"). `make bench-national ARGS=--quick` is the smoke run.
NATIONAL_URL ?= postgres://postgres@127.0.0.1:5432/tikar_national
.PHONY: bench-national
bench-national: install-dev
	DATABASE_URL=$(NATIONAL_URL) $(PY) bench/national.py $(ARGS)

# Re-extract and compile translations (needs GNU gettext).
messages: install-dev
	DEBUG=1 $(PY) manage.py makemessages -l id --no-location --ignore '.venv/*' --ignore 'var/*' --ignore 'bench/*'
	DEBUG=1 $(PY) manage.py makemessages -d djangojs -l id --no-location --ignore '.venv/*' --ignore 'var/*' --ignore 'bench/*'
	DEBUG=1 $(PY) manage.py compilemessages --ignore '.venv/*'

# Re-extract and compile the catalogue, then list the msgids still to translate. The .po file
# is the one source of the translations: translate in it (by hand or in any PO editor: Poedit,
# Lokalize, Weblate). Serialised with flock because several people may run it at once in one
# working tree.
translations: install-dev
	flock /tmp/tikar-translations.lock sh -c '\
	  DEBUG=1 $(PY) manage.py makemessages -l id --no-location --ignore ".venv/*" --ignore "var/*" --ignore "bench/*" -v0 && \
	  DEBUG=1 $(PY) manage.py compilemessages --ignore ".venv/*" -v0'
	@msgattrib --untranslated --no-obsolete locale/id/LC_MESSAGES/django.po | grep -c "^msgid" \
	  | awk '{ n = ($$1 > 0 ? $$1 - 1 : 0); print n " untranslated" }'
	@msgattrib --only-fuzzy --no-obsolete locale/id/LC_MESSAGES/django.po | grep -c "^msgid" \
	  | awk '{ n = ($$1 > 0 ? $$1 - 1 : 0); print n " fuzzy (a guess by gettext: check and remove the fuzzy flag)" }'

clean:
	rm -rf $(VENV) var

# Backup and restore of a PostgreSQL database (docs/scaling.md "Backups"; tested by
# tikar/tests/test_backup_restore.py). `make backup BACKUP_URL=postgres://…/tikar` writes a
# custom-format dump under var/backups/; `make restore FILE=var/backups/….dump
# RESTORE_URL=postgres://…/tikar_restored` loads it into an EMPTY database (createdb first).
BACKUP_URL ?= $(PG_URL)
BACKUP_DIR ?= var/backups
.PHONY: backup restore
backup:
	@mkdir -p $(BACKUP_DIR)
	pg_dump -Fc --no-owner -d "$(BACKUP_URL)" -f "$(BACKUP_DIR)/tikar-$$(date -u +%Y%m%dT%H%M%SZ).dump"
	@ls -lt $(BACKUP_DIR) | sed -n 2p

restore:
	@test -n "$(FILE)" -a -n "$(RESTORE_URL)" || { echo "make restore FILE=….dump RESTORE_URL=postgres://…/empty_db"; exit 2; }
	pg_restore --no-owner --exit-on-error -d "$(RESTORE_URL)" "$(FILE)"
