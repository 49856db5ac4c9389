package main

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"parley/app/sample"
	"parley/storage"
)

// buildTags are the tags the Makefile builds with: no colour emoji font,
// which saves its memory.
const buildTags = "no_emoji"

// buildParley builds the command once for tests that run it as a process.
func buildParley(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "parley")
	cmd := exec.Command("go", "build", "-tags", buildTags, "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// needXvfb skips without xvfb-run, except in CI or under make test, where
// its absence is a failure.
func needXvfb(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("xvfb-run"); err != nil {
		if os.Getenv("CI") == "true" || os.Getenv("PARLEY_REQUIRE_DISPLAY") != "" {
			t.Fatal("xvfb-run is missing: run make test, which installs it")
		}
		t.Skip("xvfb-run is not installed")
	}
}

// TestSnapshotUnderXvfb opens the real window on the sample and on a file,
// for every view, and checks each first frame is a real picture.
func TestSnapshotUnderXvfb(t *testing.T) {
	if testing.Short() {
		t.Skip("opens real windows")
	}
	needXvfb(t)
	bin := buildParley(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "sample.parley")
	if err := storage.Save(file, sample.Sample()); err != nil {
		t.Fatal(err)
	}
	runs := [][]string{{"--snapshot", filepath.Join(dir, "default.png")}}
	for _, v := range []string{"overview", "delegations", "programme", "briefs", "statement", "problems"} {
		runs = append(runs, []string{"--snapshot", filepath.Join(dir, v+".png"), "--view", v, file})
	}
	runs = append(runs, []string{"--snapshot", filepath.Join(dir, "redline.png"), "--redline", "1:2", file})
	// A tour: every view in turn, the snapshot of the last.
	runs = append(runs, []string{"--snapshot", filepath.Join(dir, "tour.png"), "--view", "overview,delegations,problems", file})
	for _, args := range runs {
		cmd := exec.Command("xvfb-run", append([]string{"-a", "-s", "-screen 0 1400x900x24", bin}, args...)...)
		cmd.Env = append(os.Environ(), "HOME="+dir, "LANG=en_US.UTF-8")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
		if !strings.Contains(string(out), "first frame") {
			t.Errorf("%v: no first-frame report in\n%s", args, out)
		}
		img := readPNG(t, args[1])
		if b := img.Bounds(); b.Dx() < 640 || b.Dy() < 480 {
			t.Errorf("%v: %v is too small", args, b)
		}
		if colours := distinctColours(img); colours < 16 {
			t.Errorf("%v: the picture has %d colours: blank", args, colours)
		}
	}
	// The tour ends on the Problems view, as the window opened on it shows.
	if !samePixels(readPNG(t, filepath.Join(dir, "tour.png")), readPNG(t, filepath.Join(dir, "problems.png"))) {
		t.Error("the tour's snapshot is not of its last view (Problems)")
	}
}

func samePixels(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}

// TestMergeSummarySnapshot opens the window with --merge-with and
// snapshots the merge summary with its conflict.
func TestMergeSummarySnapshot(t *testing.T) {
	if testing.Short() {
		t.Skip("opens a real window")
	}
	needXvfb(t)
	bin := buildParley(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "merge.png")
	for _, f := range []string{"a.parley", "b.parley"} {
		data, err := os.ReadFile(filepath.Join("testdata", "merge", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("xvfb-run", "-a", "-s", "-screen 0 1400x900x24", bin, "--snapshot", out,
		"--merge-with", filepath.Join(dir, "b.parley"), filepath.Join(dir, "a.parley"))
	cmd.Env = append(os.Environ(), "HOME="+dir, "PARLEY_RECOVERY_DIR="+dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	if c := distinctColours(readPNG(t, out)); c < 16 {
		t.Fatalf("merge snapshot has %d colours", c)
	}
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return img
}

func distinctColours(img image.Image) int {
	seen := map[string]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 4 {
		for x := b.Min.X; x < b.Max.X; x += 4 {
			r, g, bb, _ := img.At(x, y).RGBA()
			seen[fmt.Sprint(r>>8, g>>8, bb>>8)] = true
		}
	}
	return len(seen)
}

// TestWindowFitsSmallScreens: on a screen smaller than the default window
// (1280 x 820) the window shrinks to the screen, laid out at that size
// (the status bar is at its bottom); on a larger one it keeps its size.
// Before, a window taller than the screen could not be captured (X
// BadMatch) and ran off the screen's bottom.
func TestWindowFitsSmallScreens(t *testing.T) {
	bin := buildParley(t)
	for _, sc := range []struct{ w, h, wantW, wantH int }{
		{1024, 700, 1008, 652},
		{1280, 800, 1264, 752},
		{1400, 900, 1280, 820},
	} {
		dir := t.TempDir()
		out := filepath.Join(dir, "fit.png")
		cmd := exec.Command("xvfb-run", "-a", "-s", fmt.Sprintf("-screen 0 %dx%dx24", sc.w, sc.h), bin, "--snapshot", out)
		cmd.Env = append(os.Environ(), "HOME="+dir, "PARLEY_RECOVERY_DIR="+dir)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%dx%d screen: %v\n%s", sc.w, sc.h, err, b)
		}
		img := readPNG(t, out)
		b := img.Bounds()
		if b.Dx() != sc.wantW || b.Dy() != sc.wantH {
			t.Errorf("%dx%d screen: window %dx%d, want %dx%d", sc.w, sc.h, b.Dx(), b.Dy(), sc.wantW, sc.wantH)
		}
		// The status bar's text in the bottom 30 pixels: laid out at the
		// window's size, not cut off below it.
		bottom := image.NewRGBA(image.Rect(0, 0, b.Dx(), 30))
		for y := 0; y < 30; y++ {
			for x := 0; x < b.Dx(); x++ {
				bottom.Set(x, y, img.At(b.Min.X+x, b.Max.Y-30+y))
			}
		}
		if c := distinctColours(bottom); c < 4 {
			t.Errorf("%dx%d screen: no status bar at the bottom (%d colours)", sc.w, sc.h, c)
		}
	}
}
