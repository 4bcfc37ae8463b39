# Tikar: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
HOST   ?= 127.0.0.1
PORT   ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/tikar_ci
CHROMIUM ?= /usr/bin/chromium

.PHONY: run install migrate demo test test-pg test-browser lint format bench messages translations check clean

# Installs into a local virtualenv (re-run only when pyproject.toml changes).
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

install: $(VENV)/.installed

migrate: install
	DEBUG=1 $(PY) manage.py migrate --noinput

demo: migrate
	DEBUG=1 $(PY) manage.py load_demo

# Migrate the embedded SQLite database, load the demo, serve on http://127.0.0.1:8000
run: demo
	DEBUG=1 TIKAR_DEMO=1 $(PY) manage.py runserver $(HOST):$(PORT)

test: install
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  echo "##########################################################################"; \
	  echo "## WARNING: $(CHROMIUM) not found: the BROWSER TESTS WILL BE SKIPPED.      "; \
	  echo "## Install it with: sudo apt-get install chromium                          "; \
	  echo "##########################################################################"; \
	fi
	$(PY) -m pytest

# The same suite against PostgreSQL (a throw-away test database is created and dropped).
test-pg: install
	DATABASE_URL=$(PG_URL) $(PY) -m pytest --create-db

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: install
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

check: install
	TIKAR_TESTING=1 $(PY) manage.py makemigrations --check --dry-run
	DEBUG=0 SECRET_KEY=check-deploy-$$(date +%s)-0123456789abcdefghijklmnopqrstuvwxyz ALLOWED_HOSTS=tikar.example.org \
	  $(PY) manage.py check --deploy --fail-level WARNING

bench: install
	$(PY) bench/run_all.py

# Re-extract and compile translations (needs GNU gettext).
messages: install
	DEBUG=1 $(PY) manage.py makemessages -l id --no-location --ignore '.venv/*' --ignore 'var/*' --ignore 'bench/*'
	DEBUG=1 $(PY) manage.py makemessages -d djangojs -l id --no-location --ignore '.venv/*' --ignore 'var/*' --ignore 'bench/*'
	DEBUG=1 $(PY) manage.py compilemessages --ignore '.venv/*'

# Re-extract, fill from scripts/translations_id*.py and compile; serialised with flock because
# several people may run it at once in one working tree.
translations: install
	flock /tmp/tikar-translations.lock sh -c '\
	  DEBUG=1 $(PY) manage.py makemessages -l id --no-location --ignore ".venv/*" --ignore "var/*" --ignore "bench/*" -v0 && \
	  $(PY) scripts/fill_translations.py && \
	  DEBUG=1 $(PY) manage.py compilemessages --ignore ".venv/*" -v0'

clean:
	rm -rf $(VENV) var
