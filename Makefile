# tradecheck — the two commands a user needs:
#   make report   install missing Debian packages, build, ingest seeds/, print the consistency report
#   make test     install missing Debian packages, build, run every test (then again under ASan+UBSan)
BUILD      ?= build
SAN_BUILD  ?= build-san
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
DB         ?= tradecheck.db
CMAKE_ARGS ?=
DEBS       := g++ cmake make pkg-config libboost-dev libfmt-dev libsqlitecpp-dev libsqlite3-dev \
              sqlite3 catch2 libcli11-dev nlohmann-json3-dev libgumbo-dev zlib1g-dev python3 stress-ng
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

FUZZ_SECONDS ?= 60

ROUNDS     ?= 5

.PHONY: all deps build report test test-fast test-san test-stress bench fuzz clean help

all: build

help:
	@echo "make report   build, ingest seeds/ into $(DB), print the consistency report"
	@echo "make test     build and run all tests, then again under AddressSanitizer+UBSan"
	@echo "make test-fast  the tests without the sanitizer pass"
	@echo "make test-stress  ROUNDS (default 5) of four ingests and two checks on one database under a CPU hog"
	@echo "make bench    throughput benchmarks (see docs/performance.md)"
	@echo "make fuzz     libFuzzer targets, FUZZ_SECONDS each (default 60), corpus kept in fuzz/corpus/"

# Installs only what is missing, so a machine that has everything never calls apt-get.
deps:
	@missing=""; for p in $(DEBS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_ARGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

report: build
	$(BUILD)/tradecheck ingest --db $(DB) seeds/
	$(BUILD)/tradecheck check --db $(DB)

test-fast: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

$(SAN_BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(SAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DTRADECHECK_SANITIZE=address,undefined $(CMAKE_ARGS)

test-san: deps $(SAN_BUILD)/CMakeCache.txt
	cmake --build $(SAN_BUILD) -j $(JOBS)
	# The heavy end-to-end tests run smaller here: sanitized code is several times slower.
	cd $(SAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  CRASH_ROUNDS=2 BIG_LINE_MB=10 BIG_LINE_SECONDS=120 \
	  ctest --output-on-failure -j $(JOBS)

test: test-fast test-san

# Extraction quality against the hand-made gold (tests/eval/README.md); not part of `make test`.
.PHONY: eval
# The held-out set (tests/eval/heldout) prints figures only: its errors are not read while tuning.
eval: build
	bash tests/eval/run_eval.sh $(BUILD)/tradecheck --verbose
	@echo; echo "== held-out (tests/eval/heldout: figures only)"
	bash tests/eval/run_eval.sh $(BUILD)/tradecheck --gold tests/eval/heldout

# Concurrent writers and readers on one database while stress-ng loads every core
# (docs/reliability.md). CI runs five rounds; ROUNDS=20 by hand.
test-stress: build
	bash tests/stress/concurrent_writers.sh $(BUILD)/tradecheck . $(ROUNDS)

bench: build
	bash bench/run.sh $(BUILD)/tradecheck
	bash bench/ingest.sh $(BUILD)/tradecheck
	bash bench/web.sh $(BUILD)/tradecheck

# libFuzzer needs clang (Debian's clang package, installed by fuzz/run.sh when missing).
fuzz: deps
	bash fuzz/run.sh $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) $(SAN_BUILD) build-fuzz
