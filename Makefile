# The two commands: `make demo` and `make test`. Everything else is their plumbing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)

.PHONY: demo test install lint check pytest serve clean

demo: install
	DEBUG=1 $(BIN)/python manage.py migrate --no-input
	DEBUG=1 $(BIN)/python manage.py load_demo
	@DEBUG=1 $(BIN)/python manage.py create_demo_admin
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:8000

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
	$(BIN)/pytest

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache .ruff_cache
