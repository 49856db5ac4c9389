package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

var firstFrame = regexp.MustCompile(`first frame (\d+) ms after start; resident memory (\d+) MB(?: \((\d+) MB without the software OpenGL renderer\))?, of which (\d+) MB private`)

// BenchmarkColdStartLarge opens the real window under Xvfb on the large
// meeting, with Latin names and with native-script (CJK) names, and
// reports the time to the first frame (target <= 1 s) and the resident
// memory with the meeting open (target <= 150 MB): in all, without Mesa's
// software OpenGL libraries, and private (not pages of files). The tour
// variant shows every view in turn before measuring, on the native meeting;
// native-ja runs in a Japanese locale.
func BenchmarkColdStartLarge(b *testing.B) {
	if _, err := exec.LookPath("xvfb-run"); err != nil {
		b.Skip("xvfb-run is not installed")
	}
	dir := b.TempDir()
	bin := filepath.Join(dir, "parley")
	if out, err := exec.Command("go", "build", "-tags", buildTags, "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	for _, tc := range []struct{ name, flag, views, lang string }{
		{"latin", "", "delegations", ""},
		{"native", "--native", "delegations", ""},
		// Japanese staff: Fyne looks for the system's font for the
		// locale's language (Japanese, here) as a fallback face.
		{"native-ja", "--native", "delegations", "ja_JP.UTF-8"},
		{"tour", "--native", "delegations,overview,programme,briefs,statement,problems,delegations", ""},
	} {
		large := filepath.Join(dir, tc.name+".parley")
		args := []string{"sample", "--large", "-o", large}
		if tc.flag != "" {
			args = append(args, tc.flag)
		}
		if code, _, errOut := runCLI(args...); code != 0 {
			b.Fatal(errOut)
		}
		b.Run(tc.name, func(b *testing.B) {
			var sum [4]float64
			for i := 0; i < b.N; i++ {
				cmd := exec.Command("xvfb-run", "-a", "-s", "-screen 0 1400x900x24", bin, "--snapshot", filepath.Join(dir, "s.png"), "--view", tc.views, large)
				cmd.Env = append(os.Environ(), "HOME="+dir)
				if tc.lang != "" {
					cmd.Env = append(cmd.Env, "LANG="+tc.lang, "LC_ALL="+tc.lang)
				}
				out, err := cmd.CombinedOutput()
				if err != nil {
					b.Fatalf("%v\n%s", err, out)
				}
				m := firstFrame.FindSubmatch(out)
				if m == nil {
					b.Fatalf("no measurement in\n%s", out)
				}
				var v [4]float64
				for j := range v {
					v[j], _ = strconv.ParseFloat(string(m[j+1]), 64)
				}
				if v[2] == 0 {
					v[2] = v[1]
				}
				for j := range sum {
					sum[j] += v[j]
				}
			}
			n := float64(b.N)
			b.ReportMetric(sum[0]/n, "ms-to-first-frame")
			b.ReportMetric(sum[1]/n, "MB-resident")
			b.ReportMetric(sum[2]/n, "MB-resident-without-soft-GL")
			b.ReportMetric(sum[3]/n, "MB-private")
		})
	}
}
