# skill-profiles: build the site in every language, test it, manage translations.
# The first use creates .venv with the pinned dependencies of requirements.txt.

PYTHON      ?= python3
VENV        ?= .venv
BIN         := $(VENV)/bin
LANGUAGES   := en de zh_CN
BUILDDIR    ?= _build
SPHINXOPTS  ?= -W --keep-going
PYTEST_ARGS ?=

SPHINXBUILD := $(BIN)/sphinx-build
HTML_TARGETS := $(addprefix html-,$(LANGUAGES))

.PHONY: help venv html $(HTML_TARGETS) test gettext intl-update ext-catalog lint lock clean bench bench-profile

help:  ## list the targets
	@grep -E '^[a-zA-Z_%-]+:.*## ' $(MAKEFILE_LIST) | sed -e 's/:.*## /\t/' | expand -t 16

venv: $(VENV)/.installed  ## create .venv with the pinned dependencies

$(VENV)/.installed: requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

html: $(HTML_TARGETS) $(BUILDDIR)/html/index.html  ## build the site in en, de and zh_CN into _build/html/<lang>/

# One sphinx-build process per language: Sphinx's translators are process-global.
$(HTML_TARGETS): html-%: venv
	@echo "==> HTML ($*)"
	$(SPHINXBUILD) -b html -D language=$* $(SPHINXOPTS) -d $(BUILDDIR)/doctrees/$* . $(BUILDDIR)/html/$*

$(BUILDDIR)/html/index.html: _templates/landing.html
	@mkdir -p $(@D)
	cp $< $@

test: venv  ## run the whole test suite
	$(BIN)/python -m pytest $(PYTEST_ARGS)

gettext: venv  ## extract every translatable text into _build/gettext/*.pot
	$(SPHINXBUILD) -b gettext $(SPHINXOPTS) -d $(BUILDDIR)/doctrees/gettext . $(BUILDDIR)/gettext

intl-update: gettext  ## update locale/<lang>/LC_MESSAGES/*.po from the .pot files
	$(BIN)/sphinx-intl update -p $(BUILDDIR)/gettext -d locale $(addprefix -l ,$(filter-out en,$(LANGUAGES)))

EXT_LOCALE := _ext/skill_matrix/locale
ext-catalog: venv  ## refresh the extension's UI-label catalogs after changing a label in _ext/
	$(BIN)/pybabel extract --no-location --omit-header --sort-output -k _ -k pgettext:1c,2 -k ngettext:1,2 \
	    -o $(EXT_LOCALE)/skill_matrix.pot _ext/skill_matrix
	$(BIN)/pybabel update --no-fuzzy-matching --omit-header -D skill_matrix -i $(EXT_LOCALE)/skill_matrix.pot -d $(EXT_LOCALE)

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

lock: venv  ## re-pin requirements.txt from requirements.in
	$(BIN)/python -m pip install --quiet -r requirements.in
	{ echo "# Pinned: every package the venv holds. Regenerate with 'make lock' after editing requirements.in."; \
	  $(BIN)/python -m pip freeze; } > requirements.txt

clean:  ## remove the build output (keeps .venv)
	rm -rf $(BUILDDIR)
