package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

var firstFrame = regexp.MustCompile(`first frame (\d+) ms after start; resident memory (\d+) MB(?: \((\d+) MB without the software OpenGL renderer\))?`)

// BenchmarkColdStartLarge opens the real window under Xvfb on the large
// meeting and reports the time to the first frame (target <= 1 s) and the
// resident memory with the meeting open (target <= 150 MB).
func BenchmarkColdStartLarge(b *testing.B) {
	if _, err := exec.LookPath("xvfb-run"); err != nil {
		b.Skip("xvfb-run is not installed")
	}
	dir := b.TempDir()
	bin := filepath.Join(dir, "parley")
	if out, err := exec.Command("go", "build", "-tags", buildTags, "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	large := filepath.Join(dir, "large.parley")
	if code, _, errOut := runCLI("sample", "--large", "-o", large); code != 0 {
		b.Fatal(errOut)
	}
	var ms, mb, own float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cmd := exec.Command("xvfb-run", "-a", "-s", "-screen 0 1400x900x24", bin, "--snapshot", filepath.Join(dir, "s.png"), "--view", "delegations", large)
		cmd.Env = append(os.Environ(), "HOME="+dir)
		out, err := cmd.CombinedOutput()
		if err != nil {
			b.Fatalf("%v\n%s", err, out)
		}
		m := firstFrame.FindSubmatch(out)
		if m == nil {
			b.Fatalf("no measurement in\n%s", out)
		}
		f, _ := strconv.Atoi(string(m[1]))
		r, _ := strconv.Atoi(string(m[2]))
		o, _ := strconv.Atoi(string(m[3]))
		if o == 0 {
			o = r
		}
		ms += float64(f)
		mb += float64(r)
		own += float64(o)
	}
	b.ReportMetric(ms/float64(b.N), "ms-to-first-frame")
	b.ReportMetric(mb/float64(b.N), "MB-resident")
	b.ReportMetric(own/float64(b.N), "MB-resident-without-soft-GL")
}
