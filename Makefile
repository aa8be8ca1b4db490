# The two commands: `make demo` and `make test`. Everything else is their plumbing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)

.PHONY: demo test install lint check pytest serve clean messages

# After `make demo`, every manage.py command reads the local .env (settings.read_env_file).
demo: install .env
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo
	@# Imports and scheduled publishing run as background jobs: a worker beside the server,
	@# stopped with it.
	$(BIN)/python manage.py schedule_publishing
	@# The login last, framed, where it is not missed.
	@echo
	@echo "================================================================================"
	@$(BIN)/python manage.py create_demo_admin
	@echo "================================================================================"
	@echo
	@$(BIN)/python manage.py db_worker --interval 1 & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(BIN)/python manage.py runserver 127.0.0.1:8000

# Local settings for development, written once and never committed (.gitignore).
.env:
	@mkdir -p var
	@printf '%s\n' "DEBUG=1" \
		"SECRET_KEY=$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" \
		"DATABASE_URL=sqlite:///$(CURDIR)/var/db.sqlite3" > $@
	@echo "Wrote .env: DEBUG on, a new secret key, the SQLite database in var/."

test: install lint check pytest

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version))."; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=25.1"
	$(BIN)/python -m pip install --quiet --editable . --group dev
	rm -f $(VENV)/.installed-*
	touch $@

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check:
	DEBUG=1 $(BIN)/python manage.py check
	DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run

pytest:
	bash .ci/ensure-redis
	$(BIN)/pytest

# After changing translatable text: update the English catalogue, translate its new entries,
# then run this again to compile. The compiled .mo files are committed, so neither `make demo`
# nor a deployment needs gettext. The site's texts are German: locale/de holds only what the
# libraries' German catalogues leave in English, kept by hand (makemessages would drop it).
messages:
	DEBUG=1 $(BIN)/python manage.py makemessages -l en --no-wrap $(MESSAGES_IGNORE)
	msgfmt --check -o locale/de/LC_MESSAGES/django.mo locale/de/LC_MESSAGES/django.po
	msgfmt --check -o locale/en/LC_MESSAGES/django.mo locale/en/LC_MESSAGES/django.po

MESSAGES_IGNORE := --ignore 'tests/*' --ignore 'bench/*' --ignore 'docs/*' --ignore 'var/*' \
	--ignore 'staticfiles/*'

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache .ruff_cache
