# Parley: `make run` and `make test` do all set-up on a fresh Debian machine
# (as root, or with sudo); elsewhere they say what to install.

GO        ?= go
BIN       := bin/parley
# no_emoji leaves out Fyne's colour emoji font: about 15 MB less memory.
TAGS      := no_emoji
TIMEOUT   ?= 30m
export LANG := en_US.UTF-8
export CGO_ENABLED := 1
# One Fyne for every build path: the version go.mod names, as it is.
export GOWORK := off

# What building needs (a C compiler, pkg-config, GL, X11 and Wayland headers)
# and what the tests need on top (Xvfb, PDF tools, screenshots, input).
BUILD_PKGS := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
              libxinerama-dev libxi-dev libxxf86vm-dev libwayland-dev libxkbcommon-dev
TEST_PKGS  := xvfb xauth poppler-utils imagemagick xdotool libreoffice-writer-nogui

# Packages whose tests need no display (the window's tests use Fyne's test
# driver) and run under the race detector.
PURE_PKGS  := ./app/... ./storage/... ./ui/...

.PHONY: run build test check bench fuzz deps test-deps clean snapshot

run: deps build
	./$(BIN)

build: $(BIN)

$(BIN): FORCE
	@mkdir -p bin
	$(GO) build -tags $(TAGS) -o $(BIN) ./cmd/parley

FORCE:

deps:
	@./.ci/deps $(BUILD_PKGS)

test-deps:
	@./.ci/deps $(BUILD_PKGS) $(TEST_PKGS)

# Every test: formatting and vet, the domain, the file and the window (on
# Fyne's test driver) under the race detector, the command line and the
# real window under Xvfb, and a short fuzzing run of the file decoder.
test: test-deps build
	@echo "== gofmt"; out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './bin/*')); \
		if [ -n "$$out" ]; then echo "not gofmt-formatted:"; echo "$$out"; exit 1; fi
	@echo "== go vet"; $(GO) vet ./...
	@echo "== tests (race detector)"; $(GO) test -race -timeout $(TIMEOUT) $(PURE_PKGS)
	@echo "== tests (command line, real window)"; $(GO) test -timeout $(TIMEOUT) ./cmd/...
	@echo "== fuzz (short)"; $(MAKE) --no-print-directory fuzz FUZZTIME=100000x

# Minimising each new input for a second at most keeps a short run fuzzing:
# by default Go spends up to a minute shrinking a large input, and a short
# run would do nothing else. make test's run counts executions (100,000,
# about 10 s here) rather than time: Go 1.26's fuzzer can fail a timed run
# with "context deadline exceeded" as the time runs out (go.dev/issue/75804).
FUZZTIME ?= 5m
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 1s ./storage

bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 5 -timeout $(TIMEOUT) ./app/... ./storage/... ./ui/... ./cmd/...

VIEW ?= programme
snapshot: build
	xvfb-run -a -s "-screen 0 1400x900x24" ./$(BIN) --snapshot assets/screenshot.png --view $(VIEW)

clean:
	rm -rf bin
