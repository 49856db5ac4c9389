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

# The one place that names the version: cmd/parley/FyneApp.toml (the
# program embeds it; `fyne package --src cmd/parley` reads it).
APPTOML   := cmd/parley/FyneApp.toml
VERSION   := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' $(APPTOML))
BUILDNO   := $(shell sed -n 's/^Build *= *\([0-9]*\)/\1/p' $(APPTOML))
APPID     := $(shell sed -n 's/^ID *= *"\(.*\)"/\1/p' $(APPTOML))
PUBLISHER := The Parley project

# What building needs (a C compiler, pkg-config, GL, X11 and Wayland headers)
# and what the tests need on top (Xvfb, PDF tools, screenshots, input; for
# the Windows build: the mingw compiler, Wine, msitools and wixl for the
# installer, zip and xz for the packages; LibreOffice Writer reads the
# Word documents).
BUILD_PKGS := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
              libxinerama-dev libxi-dev libxxf86vm-dev libwayland-dev libxkbcommon-dev
WIN_PKGS   := gcc-mingw-w64-x86-64 wine wine64 msitools wixl zip unzip xz-utils imagemagick
TEST_PKGS  := xvfb xauth poppler-utils imagemagick xdotool libreoffice-writer-nogui git $(WIN_PKGS)

# Packages whose tests need no display (the window's tests use Fyne's test
# driver) and run under the race detector.
PURE_PKGS  := ./app/... ./storage/... ./ui/...

# Release builds: the same bytes from the same source wherever it is built
# (no paths, no build IDs, no VCS stamp), without debug information.
RELEASE    := -tags $(TAGS) -trimpath -buildvcs=false
RELEASE_LD := -s -w -buildid=
REL        := bin/release
# Windows, cross-built with mingw: parley.exe is linked for the Windows
# subsystem (the window, no console), parley.com is the same program linked
# for the console (the command line: output, exit codes). A command prompt
# runs parley.com before parley.exe when "parley" is typed (PATHEXT).
WIN        := CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc
WINBIN     := bin/windows
WINE       := bin/wine
DIST       := dist
NAME       := parley-$(VERSION)

.PHONY: run build test check bench fuzz deps test-deps clean snapshot windows release \
	test-windows bench-windows dist test-dist vet-other winres

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

# Every test: formatting and vet (also for Windows and macOS), the domain,
# the file and the window (on Fyne's test driver) under the race detector,
# the command line and the real window under Xvfb, a short fuzzing run of
# the file decoder, the Windows build under Wine, and the packages.
test: test-deps build
	@echo "== gofmt"; out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './bin/*')); \
		if [ -n "$$out" ]; then echo "not gofmt-formatted:"; echo "$$out"; exit 1; fi
	@echo "== go vet"; $(GO) vet ./...
	@$(MAKE) --no-print-directory vet-other
	@echo "== tests (race detector)"; $(GO) test -race -timeout $(TIMEOUT) $(PURE_PKGS)
	@echo "== tests (command line, real window)"; $(GO) test -timeout $(TIMEOUT) ./cmd/...
	@echo "== fuzz (short)"; $(MAKE) --no-print-directory fuzz FUZZTIME=100000x
	@$(MAKE) --no-print-directory test-windows
	@$(MAKE) --no-print-directory test-dist

# go vet for Windows and macOS. Windows: every package (cgo through
# mingw). macOS: Fyne's window driver (fyne.io/fyne/v2/app) needs cgo and
# Apple's SDK, which no Linux machine has. So with cgo off every package is
# vetted but the command (ui with the tag that keeps Fyne's own macOS code
# out), and for the command go list checks that its files and those of
# every package it imports resolve for macOS as a Mac's cgo build picks
# them (no build-constraint gaps).
DARWIN_PKGS := ./app/... ./storage/... ./assets/... ./ui/x11/... ./ui/win32/... ./ui/malloc/...
vet-other:
	@echo "== go vet (windows/amd64)"; $(WIN) $(GO) vet -tags $(TAGS) ./...
	@echo "== go vet (darwin/arm64, darwin/amd64)"; \
		for arch in arm64 amd64; do \
			GOOS=darwin GOARCH=$$arch CGO_ENABLED=0 $(GO) vet -tags $(TAGS) $(DARWIN_PKGS) || exit 1; \
			GOOS=darwin GOARCH=$$arch CGO_ENABLED=0 $(GO) vet -tags $(TAGS),ci ./ui/ || exit 1; \
			out=$$(GOOS=darwin GOARCH=$$arch CGO_ENABLED=1 $(GO) list -e -deps -tags $(TAGS) \
				-f '{{if .Error}}{{.ImportPath}}: {{.Error}}{{end}}' ./cmd/parley); \
			if [ -n "$$out" ]; then echo "$$out"; exit 1; fi; \
		done

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

# The window's cold start under Wine and Xvfb (BenchmarkColdStartWine):
# the Windows build's time to the first frame on the large meeting.
bench-windows: windows
	@./.ci/wine/prefix $(WINE)
	PARLEY_WINDOWS_BIN=$(CURDIR)/$(WINBIN) WINEPREFIX=$(CURDIR)/$(WINE)/prefix \
		xvfb-run -a -s "-screen 0 1400x900x24" $(GO) test -run '^$$' -bench ColdStartWine -count 5 -timeout $(TIMEOUT) ./cmd/parley; \
		rc=$$?; WINEPREFIX=$(CURDIR)/$(WINE)/prefix wineserver -k 2>/dev/null; exit $$rc

VIEW ?= programme
snapshot: build
	xvfb-run -a -s "-screen 0 1400x900x24" ./$(BIN) --snapshot assets/screenshot.png --view $(VIEW)

# The Windows icon and version resource that go build links into
# parley.exe, from FyneApp.toml and the icon (go-winres, pinned in
# .ci/tools). Run it after changing either; a test checks the two agree.
winres:
	cd cmd/parley && $(GO) tool -modfile=../../.ci/tools/go.mod go-winres simply --arch amd64 --out rsrc \
		--manifest gui --icon ../../assets/icon.png --product-name Parley \
		--file-description "Parley: preparing a meeting of a standing dialogue" \
		--product-version $(VERSION) --file-version $(VERSION).$(BUILDNO) \
		--original-filename parley.exe --copyright "$(PUBLISHER)"

# Release builds: Linux, and Windows (the first Windows build compiles
# GLFW's C code with mingw: several minutes).
release: $(REL)/parley
windows: $(WINBIN)/parley.exe $(WINBIN)/parley.com

$(REL)/parley: FORCE
	@mkdir -p $(REL)
	$(GO) build $(RELEASE) -ldflags "$(RELEASE_LD)" -o $@ ./cmd/parley

$(WINBIN)/parley.exe: FORCE
	@./.ci/deps $(BUILD_PKGS) $(WIN_PKGS)
	@mkdir -p $(WINBIN)
	$(WIN) $(GO) build $(RELEASE) -ldflags "$(RELEASE_LD) -H windowsgui" -o $@ ./cmd/parley

$(WINBIN)/parley.com: FORCE
	@mkdir -p $(WINBIN)
	$(WIN) $(GO) build $(RELEASE) -ldflags "$(RELEASE_LD)" -o $@ ./cmd/parley

# The Windows build under Wine and Xvfb: the file's tests (save, lock,
# recovery) as a Windows test binary, then the command line, the window's
# save and a snapshot (cmd/parley/wine_test.go). The Wine prefix is made
# afresh each time under bin/wine (with the test-only bcryptprimitives shim
# Wine 8 lacks, .ci/wine) and its wineserver stopped at the end.
test-windows: windows
	@echo "== Windows build under Wine"
	@./.ci/wine/prefix $(WINE)
	@$(WIN) CGO_ENABLED=0 $(GO) test -c -tags wine -ldflags=-checklinkname=0 -o $(WINE)/storage.test.exe ./storage
	@echo "-- storage tests under Wine"; cd storage && WINEPREFIX=$(CURDIR)/$(WINE)/prefix WINEDEBUG=-all \
		timeout 15m wine ../$(WINE)/storage.test.exe -test.timeout 10m || { WINEPREFIX=$(CURDIR)/$(WINE)/prefix wineserver -k; exit 1; }
	@$(WIN) CGO_ENABLED=0 $(GO) test -c -o $(WINE)/trash.test.exe ./storage/trash
	@# Wine maps Windows' Unicode file names to the system's through its locale,
	@# which must be UTF-8 for names like ünïcode or 日豪 (CI sets none).
	@echo "-- Recycle Bin under Wine"; rm -rf $(WINE)/xdg && mkdir -p $(WINE)/xdg && \
		LC_ALL=C.UTF-8 XDG_DATA_HOME=$(CURDIR)/$(WINE)/xdg WINEPREFIX=$(CURDIR)/$(WINE)/prefix WINEDEBUG=-all \
		timeout 5m wine $(WINE)/trash.test.exe -test.timeout 3m || { WINEPREFIX=$(CURDIR)/$(WINE)/prefix wineserver -k; exit 1; }
	@echo "-- command line and window under Wine"; \
		PARLEY_WINDOWS_BIN=$(CURDIR)/$(WINBIN) WINEPREFIX=$(CURDIR)/$(WINE)/prefix \
		xvfb-run -a -s "-screen 0 1400x900x24" $(GO) test -count 1 -timeout $(TIMEOUT) -run '^TestWine' -v ./cmd/parley; \
		rc=$$?; WINEPREFIX=$(CURDIR)/$(WINE)/prefix wineserver -k 2>/dev/null; exit $$rc

# The packages, into dist/ (.ci/dist/package): the Windows installer
# (.msi) and a portable .zip, and a Linux .tar.xz with install.sh. The zip
# and the tarball are reproducible: their files' times are
# SOURCE_DATE_EPOCH (the last commit's time by default).
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 315532800)
export SOURCE_DATE_EPOCH
DIST_TOOLS := gcc:gcc pkg-config:pkg-config x86_64-w64-mingw32-gcc:gcc-mingw-w64-x86-64 wixl:wixl \
              msiinfo:msitools zip:zip unzip:unzip xz:xz-utils convert:imagemagick
dist:
	@./.ci/need $(DIST_TOOLS)
	@$(MAKE) --no-print-directory release windows
	@./.ci/dist/package $(VERSION) "$(PUBLISHER)"

# Checks the packages (.ci/dist/check): the MSI's tables, the zip, the
# tarball installed into a temporary PREFIX and run, the builds and
# archives reproducible, and the MSI installed, upgraded and removed under
# Wine.
test-dist: dist
	@echo "== packages"
	@./.ci/need wine:wine wineboot:wine xvfb-run:xvfb
	@./.ci/dist/check $(VERSION)

clean:
	rm -rf bin dist
