# plantar: `make run` and `make test` do all the set-up on a fresh Debian 12
# machine (they install what is missing, then build).
JOBS ?= 2
RELEASE := build/release
ASAN := build/asan

.PHONY: all deps release run demo pictures test asan format-check fuzz bench package clean

all: release

deps:
	@scripts/install-deps
	@scripts/install-web-deps

release: deps
	@cmake -S . -B $(RELEASE) -G Ninja -DCMAKE_BUILD_TYPE=Release -DPLANTAR_TESTS=OFF >/dev/null
	@ninja -C $(RELEASE) -j$(JOBS) plantar

# The main job: the web app on http://127.0.0.1:8080/ (PORT=... to change).
PORT ?= 8080
run: release
	@$(RELEASE)/plantar serve --port $(PORT)

# The command line at work: a safety check and a 10-minute plan for a sample person.
demo: release
	@scripts/demo $(RELEASE)/plantar

# Every technique's picture (SVG and PNG) and contact-sheet.png, in build/pictures/.
pictures: release
	@$(RELEASE)/plantar learn techniques --pictures build/pictures

asan: deps
	@cmake -S . -B $(ASAN) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DPLANTAR_SANITIZE=ON >/dev/null
	@ninja -C $(ASAN) -j$(JOBS)

format-check: deps
	@scripts/check-format

fuzz: deps
	@scripts/run-fuzzers

# Everything: style, fuzzers (bounded), then every test under ASan and UBSan.
test: format-check asan fuzz
	@cd $(ASAN) && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j$(JOBS)

# Figures, not pass/fail: planner latency and whole-process time.
bench: deps
	@cmake -S . -B $(RELEASE) -G Ninja -DCMAKE_BUILD_TYPE=Release -DPLANTAR_TESTS=OFF >/dev/null
	@ninja -C $(RELEASE) -j$(JOBS) plantar plantar_bench plantar_ask_bench api_bench make_osm places_query_bench
	@$(RELEASE)/bench/plantar_bench
	@$(RELEASE)/bench/plantar_ask_bench
	@$(RELEASE)/bench/api_bench
	@bench/whole_process.sh $(RELEASE)/plantar
	@bench/start_up.sh $(RELEASE)/plantar
	@bench/places_import.sh $(RELEASE)
	@bench/audio_render.sh $(RELEASE)/plantar
	@bench/web_load.sh $(RELEASE)/plantar
	@bench/lighthouse.sh $(RELEASE)/plantar

# The Debian package, from the release build: build/release/package/plantar_VERSION_amd64.deb
# (then: sudo apt install ./build/release/package/plantar_*.deb).
package: release
	@ninja -C $(RELEASE) -j$(JOBS) plantar plantar_docs
	@rm -f $(RELEASE)/package/plantar_*.deb
	@cd $(RELEASE) && cpack -G DEB >/dev/null
	@ls $(RELEASE)/package/plantar_*.deb

clean:
	rm -rf build
