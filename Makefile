# policykg: `make demo` builds the bundled newsletter, `make test` runs the whole suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test bench eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/kg build data/ -o outputs/
	@echo
	@echo "Who issued the smart-manufacturing plan (kg query):"
	$(BIN)/kg query outputs/graph.ttl -f queries/coissuers.rq
	@echo
	@echo "Open outputs/graph.html in a browser to explore the network."

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q

# the dev set of ../shared (30 documents of seven genres with gold) and the newsletter's gold
SHARED ?= ../shared
eval: $(VENV)/.installed
	$(BIN)/kg eval $(SHARED)/data/dev
	@echo
	@echo "The newsletter:"
	@d=$$(mktemp -d) && $(BIN)/kg build $(SHARED)/data/xinxi-subao-043.txt -o $$d --no-html >/dev/null \
	  && $(BIN)/kg eval $$d/graph.ttl $(SHARED)/data/xinxi-subao-043.gold.json; rm -rf $$d

bench: $(VENV)/.installed-test
	$(BIN)/python bench/speed.py
	$(BIN)/python bench/queries.py
	$(BIN)/python bench/viz.py
	$(BIN)/python bench/cluener.py
	$(BIN)/python bench/newsletter.py

clean:
	rm -rf outputs .pytest_cache
