# swaptier: the two newcomer commands are `make run` and `make test` (see README.md).
# Every target first installs the Debian packages the project needs (scripts/install-deps.sh).
PRESET ?= $(if $(filter true 1 yes,$(CI)),ci,dev)
JOBS ?= $(shell nproc)
CTEST_ARGS ?=

.PHONY: all deps configure build run test test-unit test-asan test-tsan bench clean

all: build

deps:
	@scripts/install-deps.sh

configure: deps
	cmake --preset $(PRESET)

build: configure
	cmake --build --preset $(PRESET) -j $(JOBS)

# The main job: a built-in sandbox scenario end to end (until the desktop app arrives).
# The desktop app; without a display it says so and runs `swaptierctl run usemem` instead.
run: build
	./build/bin/swaptier

# All tests through ctest: the full suite, then the engine tests under ASan+UBSan and TSan.
test: test-unit test-asan test-tsan

test-unit: build
	ctest --preset $(PRESET) -j $(JOBS) $(CTEST_ARGS)

test-asan: deps
	cmake --preset asan
	cmake --build --preset asan -j $(JOBS)
	ctest --preset asan -j $(JOBS) $(CTEST_ARGS)

test-tsan: deps
	cmake --preset tsan
	cmake --build --preset tsan -j $(JOBS)
	ctest --preset tsan -j $(JOBS) $(CTEST_ARGS)

# Benchmarks (Google Benchmark, release builds); results land in build-release/bench/. The GUI
# benchmark bench_uistall needs the services and the GUI, which the release preset leaves out:
# the bench-gui preset builds it alone in build-bench-gui.
bench: deps
	cmake --preset release
	cmake --build --preset release -j $(JOBS)
	cmake --preset bench-gui
	cmake --build --preset bench-gui -j $(JOBS)
	bench/run-benchmarks.sh build-release --gui-build build-bench-gui

clean:
	rm -rf build build-asan build-tsan build-release build-bench-gui
