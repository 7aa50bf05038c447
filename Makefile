# Two commands on a fresh machine: `make run` and `make test`. Each sets up what it needs first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages the app needs: the font the PDF report embeds
RUN_PACKAGES := fonts-dejavu-core
RUN_FILES := /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
# Debian packages the tests use: the browser, the QR decoder, LibreOffice to open the exported workbook, HAProxy,
# pdftotext and pdftoppm to read the PDF report back
TEST_PACKAGES := chromium zbar-tools libreoffice-calc-nogui haproxy poppler-utils
TEST_COMMANDS := chromium zbarimg soffice haproxy pdftotext pdftoppm

N ?= 3

.PHONY: run demo test test-fast cluster run-tools test-tools bench bench-quick bench-export bench-ladder

run: $(INSTALLED) run-tools
	$(PY) -m app

demo: $(INSTALLED)
	$(PY) -m app demo

# N processes behind HAProxy on PostgreSQL: DATABASE_URL=postgresql://… make cluster N=3 (see docs/performance.md)
cluster: $(INSTALLED) run-tools
	@command -v haproxy >/dev/null || { $(SUDO) apt-get update -q && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends haproxy; }
	$(PY) -m app cluster --processes $(N)

test: $(INSTALLED) run-tools test-tools
	$(PY) -m pytest -q

# The rules and the export without a browser or a server, for while you work
test-fast: $(INSTALLED) run-tools test-tools
	$(PY) -m pytest -q tests/unit

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

# Installs the PDF font only when it is missing.
run-tools:
	@for file in $(RUN_FILES); do [ -f $$file ] || missing=yes; done; \
	if [ -n "$$missing" ]; then \
	  $(SUDO) apt-get update -q && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $(RUN_PACKAGES); \
	fi

# Installs the browser, QR decoder, LibreOffice and poppler only when they are missing.
test-tools: node_modules/axe-core/axe.min.js
	@missing=""; \
	for command in $(TEST_COMMANDS); do command -v $$command >/dev/null || missing=yes; done; \
	if [ -n "$$missing" ]; then \
	  $(SUDO) apt-get update -q && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $(TEST_PACKAGES); \
	fi

node_modules/axe-core/axe.min.js: package.json
	npm install --no-audit --no-fund --silent
	touch $@

# The live-path benchmark (issue 6): real server, simulated phones, screen and console; see docs/performance.md
bench: $(INSTALLED)
	$(PY) bench/run.py

bench-quick: $(INSTALLED)
	$(PY) bench/run.py --quick

# The export of a large workshop (issue 4): on its own, then while phones vote; see docs/performance.md
bench-export: $(INSTALLED)
	$(PY) bench/export_bench.py
	$(PY) bench/export_live_bench.py

# 200 phones place 8 cards each on the ladder while the screen updates in place (issues 3 and 6)
bench-ladder: $(INSTALLED)
	$(PY) bench/ladder_bench.py
