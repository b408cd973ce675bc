# The two commands a new user needs: `make demo` and `make test`. Both install the missing Debian
# packages first (scripts/install-deps.sh), then configure and build in build/.
PYTHON      := /usr/bin/python3
BUILD_DIR   ?= build
BUILD_TYPE  ?= Release
JOBS        ?= $(shell nproc)
WERROR      := $(if $(CI),ON,OFF)
CLI         := $(BUILD_DIR)/alueverkko
DEMO_OUT    := out/demo

.PHONY: all deps configure build demo test test-sanitize test-tsan fuzz bench install clean data

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

# The C++ tests under ThreadSanitizer (CMakePresets.json: tsan): clang-14 with LLVM's OpenMP runtime,
# whose Archer tool tells TSan about OpenMP's own synchronisation.
TSAN_ENV := OMP_TOOL_LIBRARIES=/usr/lib/llvm-14/lib/libarcher.so OMP_NUM_THREADS=4 \
            TSAN_OPTIONS="ignore_noninstrumented_modules=1 halt_on_error=1"

test-tsan:
	@bash scripts/install-deps.sh --clang
	cmake --preset tsan
	cmake --build --preset tsan -j $(JOBS)
	$(TSAN_ENV) build-tsan/tests/alueverkko_tests

# libFuzzer on every parser (docs/fuzzing.md; CMakePresets.json: fuzz), FUZZ_SECONDS each, one after
# the other, on a scratch copy of tests/fuzz/corpus/<target>: the repository corpus grows only by an
# explicit -merge=1. Crashes, hangs and leaks go to out/fuzz/<target>/, the log to out/fuzz/<target>/fuzz.log.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS := $(patsubst tests/fuzz/fuzz_%.cpp,%,$(wildcard tests/fuzz/fuzz_*.cpp))

fuzz:
	@bash scripts/install-deps.sh --clang
	cmake --preset fuzz
	cmake --build --preset fuzz -j $(JOBS)
	@for t in $(FUZZ_TARGETS); do \
	  rm -rf out/fuzz/$$t && mkdir -p out/fuzz/$$t/corpus && cp tests/fuzz/corpus/$$t/* out/fuzz/$$t/corpus/ || exit 1; \
	  echo "fuzz_$$t: $(FUZZ_SECONDS) s"; \
	  build-fuzz/fuzz_$$t out/fuzz/$$t/corpus -dict=tests/fuzz/dict/$$t.dict -max_total_time=$(FUZZ_SECONDS) \
	      -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=out/fuzz/$$t/ \
	      2> out/fuzz/$$t/fuzz.log \
	    && grep -E '^stat::' out/fuzz/$$t/fuzz.log \
	    || { tail -n 60 out/fuzz/$$t/fuzz.log; echo "fuzz_$$t failed: see out/fuzz/$$t/" >&2; exit 1; }; \
	done

# Benchmarks (not tests; bench/harness.py): alueverkko (C++ driver bench/job.cpp and Python) side by
# side with graph-tool, igraph, networkx and scipy at the finland and cordis sizes → bench/RESULTS.md
# (every raw figure: out/bench/results.json); then the 10× CORDIS memory check, appended to it.
# About a quarter of an hour on 2 cores: beyond the finland size, betweenness runs from sampled
# sources and harmonic closeness not at all (docs/performance.md).
BENCH_SIZES   ?= finland,cordis
BENCH_REPEATS ?= 5
BENCH_THREADS ?= 1,2

bench: build
	@bash scripts/install-deps.sh --bench
	@mkdir -p out/bench
	PYTHONPATH=$(BUILD_DIR)/python $(PYTHON) bench/harness.py --sizes $(BENCH_SIZES) --repeats $(BENCH_REPEATS) \
	    --threads $(BENCH_THREADS) --job $(BUILD_DIR)/bench/alueverkko-bench-job \
	    --markdown bench/RESULTS.md --json out/bench/results.json
	PYTHONPATH=$(BUILD_DIR)/python $(PYTHON) bench/cordis10_memory.py --cli $(CLI) --markdown bench/RESULTS.md

install: build
	cmake --install $(BUILD_DIR) --prefix $(or $(PREFIX),/usr/local)

data:
	$(PYTHON) scripts/build_data.py --shared ../shared --out data

clean:
	rm -rf $(BUILD_DIR) build-sanitize build-tsan build-fuzz out
