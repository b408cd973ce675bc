# The two commands a new user needs: `make demo` and `make test`. Both install the missing Debian
# packages first (scripts/install-deps.sh), then configure and build in build/.
PYTHON      := /usr/bin/python3
BUILD_DIR   ?= build
BUILD_TYPE  ?= Release
JOBS        ?= $(shell nproc)
WERROR      := $(if $(CI),ON,OFF)
CLI         := $(BUILD_DIR)/alueverkko
DEMO_OUT    := out/demo

.PHONY: all deps configure build demo test test-sanitize bench install clean data

all: build

deps:
	@bash scripts/install-deps.sh

# Configured every time with explicit options, so a build tree configured otherwise is put right.
configure: deps
	@mkdir -p $(BUILD_DIR)
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DPython_EXECUTABLE=$(PYTHON) \
	      -DALUEVERKKO_WERROR=$(WERROR) -DALUEVERKKO_BUILD_TESTS=ON -DALUEVERKKO_BUILD_CLI=ON \
	      -DALUEVERKKO_BUILD_PYTHON=ON -DALUEVERKKO_SANITIZE=OFF > $(BUILD_DIR)/configure.log \
	  || { cat $(BUILD_DIR)/configure.log; exit 1; }

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

demo: build
	@rm -rf $(DEMO_OUT)
	$(CLI) report data/collaborations/idea_call_2021 --out $(DEMO_OUT)
	$(CLI) geography data/geography/fi-2021 --by region --out $(DEMO_OUT)/regions.csv
	$(CLI) validate data/collaborations/idea_call_2021
	$(CLI) metrics data/collaborations/idea_call_2021 --level municipality --weighting newman --status member \
	    --measure degree,strength,betweenness,closeness,pagerank,core --distance inverse \
	    --out $(DEMO_OUT)/municipality_centrality.csv
	@echo
	@echo "demo wrote: $(abspath $(DEMO_OUT)/index.html) (the report: open it in a browser)"
	@echo "            $(abspath $(DEMO_OUT)/regions.csv) (population of the 19 regions, 2020 and 2021)"
	@echo "            $(abspath $(DEMO_OUT)/municipality_centrality.csv) (centrality of the municipalities in the 2021 proposals)"

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer (CMakePresets.json: sanitize).
test-sanitize: deps
	cmake --preset sanitize
	cmake --build --preset sanitize -j $(JOBS)
	ctest --preset sanitize -j $(JOBS)

# Benchmarks (not tests): alueverkko side by side with graph-tool, igraph and networkx; see bench/compare.py.
bench: build
	@bash scripts/install-deps.sh --bench
	@mkdir -p out/bench
	PYTHONPATH=$(BUILD_DIR)/python $(PYTHON) bench/compare.py --csv out/bench/compare.csv

install: build
	cmake --install $(BUILD_DIR) --prefix $(or $(PREFIX),/usr/local)

data:
	$(PYTHON) scripts/build_data.py --shared ../shared --out data

clean:
	rm -rf $(BUILD_DIR) build-sanitize out
