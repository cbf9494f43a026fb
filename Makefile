# The ICLD portal. `make run` serves it with demo content; `make test` runs every test.
# Both set everything up first, from a clean clone, with nothing installed by hand.

SHELL := /bin/bash
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
# Development settings unless the caller says otherwise.
export DJANGO_DEBUG ?= 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test serve setup install messages migrate demo browser check bench worker stop-db clean translations

$(VENV)/.installed: pyproject.toml
	@PY_BIN=$$(scripts/find-python) && echo "Using $$PY_BIN" && \
	  { [ -x $(PY) ] || $$PY_BIN -m venv $(VENV); }
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]"
	@touch $@

install: $(VENV)/.installed

messages: install
	$(MANAGE) compilemessages --ignore=.venv -v 0

migrate: install
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) createcachetable

demo: migrate
	$(MANAGE) seed_demo

setup: install messages demo

run: setup
	@echo "Serving the ICLD portal at http://127.0.0.1:$(PORT)/ (emails are written to var/mail/)"
	@trap 'kill 0' EXIT; \
	  $(MANAGE) send_outbox --loop & \
	  $(MANAGE) runserver 127.0.0.1:$(PORT)

browser: install
	@VENV=$(VENV) scripts/install-browser

# Style and Django's own checks. djhtml indents only the HTML templates: the email templates
# (.txt) are sent as they are written, whitespace included.
check: install messages
	$(VENV)/bin/ruff check
	$(VENV)/bin/ruff format --check
	git ls-files -z '*.html' | xargs -0 -r $(VENV)/bin/djhtml --check --tabwidth 2
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

# pytest-xdist workers: one per core unless told (`make test TEST_WORKERS=4`). One worker runs
# the tests that serve the portal (browser and resilience), the others share the rest.
TEST_WORKERS ?= auto

test: install messages browser check
	$(PY) -m pytest -n $(TEST_WORKERS)

# The quick loop while working: everything but the browser, resilience and 50,000-row tests.
.PHONY: test-fast
test-fast: install messages
	$(PY) -m pytest -n $(TEST_WORKERS) -m "not e2e and not resilience and not scale"

# Production mode: gunicorn (its options in gunicorn.conf.py), DEBUG off, compressed and hashed
# static files via whitenoise.
serve: export DJANGO_DEBUG := 0
serve: export DJANGO_SECRET_KEY_FILE ?= $(CURDIR)/var/secret_key
serve: export DJANGO_SECURE_SSL_REDIRECT ?= 0
serve: export DJANGO_EMAIL_BACKEND ?= django.core.mail.backends.filebased.EmailBackend
serve: install var/secret_key messages
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) createcachetable
	$(MANAGE) collectstatic --noinput -v 0
	@trap 'kill 0' EXIT; \
	  $(MANAGE) send_outbox --loop & \
	  $(VENV)/bin/gunicorn --config gunicorn.conf.py --bind 127.0.0.1:$(PORT) --access-logfile -

# The benchmark: a large data set in a separate database, production mode, bounded load.
bench: install messages
	DJANGO_DEBUG=0 $(PY) bench/run.py $(BENCH_ARGS)

# Generated once, never committed: sessions survive restarts of `make serve`.
var/secret_key: | install
	@mkdir -p var && umask 077 && $(PY) -c 'import secrets; print(secrets.token_urlsafe(64))' > $@

worker: install
	$(MANAGE) send_outbox --loop

# Regenerate the one Swedish catalogue (locale/) after changing UI strings; then translate
# and commit it. locale_django/ is kept by hand and left alone here.
translations: install
	$(MANAGE) makemessages -l sv --no-location --ignore=.venv --ignore=var --ignore=tests

stop-db: install
	$(PY) -m icld_portal.database stop

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
