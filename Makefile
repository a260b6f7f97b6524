# Shipguard's two commands: `make run` (server up, extension built) and `make test`.
# Everything else here is what those two need on a fresh machine.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8417

.PHONY: run test lint setup build store browser firefox node check demo

run: setup build
	@echo "Load dist/chrome in Chrome: chrome://extensions > Developer mode > Load unpacked."
	$(BIN)/shipguard serve --host $(HOST) --port $(PORT)

test: setup browser firefox node node_modules/.installed lint
	node --test tests/js/
	$(BIN)/pytest

# Linters are part of the test command: ruff (style, imports, bugbear, pyupgrade) and eslint.
lint: setup node_modules/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	npx eslint .

setup: $(VENV)/.installed

# Reinstall when the project's dependencies change.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,demo]'
	touch $@

# The extension folders, zips and the stores' text files; `make store` adds the screenshots.
build: setup
	$(BIN)/shipguard build --no-screenshots

# Everything a store submission needs, listing screenshots (taken in Chromium) included.
store: setup browser
	$(BIN)/shipguard build

check: setup
	$(BIN)/shipguard check

# Browser tests use Debian's Chromium ($$CHROMIUM overrides); Playwright's own build
# is the fallback where the distribution has none. On Debian as root this also adds a CJK
# font (without one the Japanese pages and screenshots show boxes) and Xvfb (the demo's
# window, tested on machines without a screen).
DEBIAN_BROWSER_PACKAGES = $(if $(CHROMIUM),,chromium) fonts-noto-cjk xvfb
browser:
	@if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		missing=$$(for p in $(DEBIAN_BROWSER_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
		if [ -n "$$missing" ]; then apt-get update -qq && apt-get install -y -qq $$missing >/dev/null; fi; \
	elif [ -z "$$CHROMIUM" ] && ! command -v chromium >/dev/null 2>&1; then \
		$(BIN)/python -m playwright install chromium; fi

# The Firefox suite (tests/firefox) drives Debian's firefox-esr over WebDriver BiDi
# ($$FIREFOX overrides); Playwright's own Firefox cannot drive a stock Firefox.
firefox:
	@if [ -n "$$FIREFOX" ] || command -v firefox-esr >/dev/null 2>&1 || command -v firefox >/dev/null 2>&1; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && apt-get install -y -qq firefox-esr >/dev/null; \
	else echo "The Firefox tests need Firefox 140 or newer: install firefox-esr (or firefox), or set FIREFOX=/path/to/firefox." >&2; exit 1; fi

# JS dev tools (web-ext for the Firefox lint test), reinstalled when package.json changes.
node_modules/.installed: package.json package-lock.json | node
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Sample Seller Central pages in Chromium with the extension: a window with a display,
# else screenshots under demo-screenshots/.
demo: setup browser
	$(BIN)/shipguard demo

node:
	@{ command -v node && command -v npm; } >/dev/null 2>&1 || { \
		if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null; \
		else echo "Node.js 20 or newer and npm are needed for the extension's tests." >&2; exit 1; fi; }
