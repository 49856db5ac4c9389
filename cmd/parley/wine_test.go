//go:build linux

package main

import (
	"bufio"
	"bytes"
	"context"
	"debug/pe"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"parley/app"
	"parley/app/sample"
	"parley/storage"
)

// The Windows build under Wine: make test-windows cross-builds
// bin/windows/parley.exe (the window, a GUI program) and parley.com (the
// same program linked as a console program, for the command line), makes
// a throwaway Wine prefix, and runs these tests under Xvfb with
// PARLEY_WINDOWS_BIN and WINEPREFIX set. Without them the tests skip.

// wineEnv is the environment the Wine tests need.
type wineEnv struct {
	bin    string // the folder with parley.exe and parley.com
	prefix string // WINEPREFIX
}

func needWine(t *testing.T) wineEnv {
	t.Helper()
	e := wineEnv{bin: os.Getenv("PARLEY_WINDOWS_BIN"), prefix: os.Getenv("WINEPREFIX")}
	if e.bin == "" || e.prefix == "" {
		t.Skip("PARLEY_WINDOWS_BIN and WINEPREFIX are not set: make test-windows runs these tests")
	}
	if _, err := exec.LookPath("wine"); err != nil {
		t.Fatal("wine is missing: run make test-windows, which installs it")
	}
	return e
}

// wineWaitDelay bounds the wait for a Wine program's output once it has
// ended: Wine's own processes (the desktop, services) inherit the output
// pipes and keep them open.
const wineWaitDelay = 5 * time.Second

// winPath is a Linux path as Windows programs under Wine see it.
func winPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		panic(err)
	}
	return `Z:` + strings.ReplaceAll(abs, "/", `\`)
}

// run runs one of the programs under Wine and returns its exit code and
// output.
func (e wineEnv) run(t *testing.T, program string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "wine", append([]string{filepath.Join(e.bin, program)}, args...)...)
	cmd.Env = append(os.Environ(), "WINEDEBUG=-all")
	cmd.WaitDelay = wineWaitDelay
	var o, er bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &er
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("wine %s %v: timed out\n%s", program, args, er.String())
	}
	code = cmd.ProcessState.ExitCode()
	if err != nil && code < 0 {
		t.Fatalf("wine %s %v: %v", program, args, err)
	}
	return code, strings.ReplaceAll(o.String(), "\r\n", "\n"), strings.ReplaceAll(er.String(), "\r\n", "\n")
}

// cli runs the console program.
func (e wineEnv) cli(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	return e.run(t, "parley.com", args...)
}

// TestWineExecutables checks how the two programs are linked: parley.exe
// for the Windows subsystem (no console window from the Start menu),
// parley.com for the console (output and exit codes in a command prompt,
// which runs parley.com before parley.exe when "parley" is typed), both
// with the icon and the version resource of FyneApp.toml.
func TestWineExecutables(t *testing.T) {
	e := needWine(t)
	for _, tc := range []struct {
		name      string
		subsystem uint16
	}{
		{"parley.exe", pe.IMAGE_SUBSYSTEM_WINDOWS_GUI},
		{"parley.com", pe.IMAGE_SUBSYSTEM_WINDOWS_CUI},
	} {
		f, err := pe.Open(filepath.Join(e.bin, tc.name))
		if err != nil {
			t.Fatal(err)
		}
		oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
		if !ok {
			t.Fatalf("%s: not a 64-bit program", tc.name)
		}
		if oh.Subsystem != tc.subsystem {
			t.Errorf("%s: subsystem %d, want %d", tc.name, oh.Subsystem, tc.subsystem)
		}
		rsrc := f.Section(".rsrc")
		if rsrc == nil {
			t.Fatalf("%s: no resources (icon, version): make winres", tc.name)
		}
		data, _ := rsrc.Data()
		for _, s := range []string{"FileVersion", fmt.Sprintf("%s.%d", details.Version, details.Build), "ProductVersion", details.Version} {
			if !bytes.Contains(data, utf16le(s)) {
				t.Errorf("%s: the version resource lacks %q (FyneApp.toml changed? run make winres)", tc.name, s)
			}
		}
		f.Close()
	}
}

// TestWineCommandLine runs the command line under Wine: version, sample,
// check, export (the same PDF bytes as this Linux build), import-people,
// merge (the same report and exit code as here), a refused save that
// leaves the file as it was, and where recovery copies go.
func TestWineCommandLine(t *testing.T) {
	e := needWine(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "sample.parley")

	if code, out, errOut := e.cli(t, "version"); code != exitOK || !strings.Contains(out, "parley "+Version+" ") || !strings.Contains(out, "windows/amd64") {
		t.Fatalf("version: %d %q %s", code, out, errOut)
	}
	if code, _, errOut := e.cli(t, "sample", "-o", winPath(file)); code != exitOK {
		t.Fatalf("sample: %d %s", code, errOut)
	}
	linuxSample := filepath.Join(dir, "linux.parley")
	runCLI("sample", "-o", linuxSample)
	if a, b := readFile(t, file), readFile(t, linuxSample); !bytes.Equal(a, b) {
		t.Error("the Windows build's sample meeting differs from the Linux build's")
	}
	// Saving over the file replaces it (no folder sync on Windows).
	if code, _, errOut := e.cli(t, "sample", "-o", winPath(file)); code != exitOK {
		t.Fatalf("sample over the file: %d %s", code, errOut)
	}
	code, out, errOut := e.cli(t, "check", winPath(file))
	if code != exitOK || !strings.Contains(errOut+out, "warning") {
		t.Fatalf("check: %d\n%s%s", code, out, errOut)
	}

	// The pack: byte for byte the Linux build's.
	winPDF, linuxPDF := filepath.Join(dir, "win.pdf"), filepath.Join(dir, "linux.pdf")
	if code, _, errOut := e.cli(t, "export", winPath(file), "-o", winPath(winPDF), "--side", "jp"); code != exitOK {
		t.Fatalf("export: %d %s", code, errOut)
	}
	if code, _, errOut := runCLI("export", file, "-o", linuxPDF, "--side", "jp"); code != exitOK {
		t.Fatalf("export on Linux: %d %s", code, errOut)
	}
	if !bytes.Equal(readFile(t, winPDF), readFile(t, linuxPDF)) {
		t.Error("the Windows build's PDF differs from the Linux build's")
	}

	// A list of participants, imported.
	list := filepath.Join(dir, "people.csv")
	writeFile(t, list, "Family name,Given name,Position,Agency\nWong,Penny,Minister for Foreign Affairs,Department of Foreign Affairs and Trade\n")
	if code, out, errOut := e.cli(t, "import-people", winPath(file), "--side", "AU", winPath(list)); code != exitOK {
		t.Fatalf("import-people: %d\n%s%s", code, out, errOut)
	}
	m, _, err := storage.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	if !hasPerson(m, "Penny", "Wong") {
		t.Error("import-people: Penny Wong is not in the meeting")
	}

	// Merge: the same report (paths aside) and exit code as here.
	winMerged, linuxMerged := filepath.Join(dir, "win-merged.parley"), filepath.Join(dir, "linux-merged.parley")
	wcode, wout, werr := e.cli(t, "merge", winPath(mergeA), winPath(mergeB), "-o", winPath(winMerged))
	lcode, lout, _ := runCLI("merge", mergeA, mergeB, "-o", linuxMerged)
	if wcode != lcode || wcode != exitRefused {
		t.Fatalf("merge: exit %d under Wine, %d here\n%s%s", wcode, lcode, wout, werr)
	}
	norm := func(s string, paths ...string) string {
		for _, p := range paths {
			s = strings.ReplaceAll(s, p, "FILE")
		}
		return s
	}
	if a, b := norm(wout, winPath(mergeA), winPath(mergeB), winPath(winMerged)), norm(lout, mergeA, mergeB, linuxMerged); a != b {
		t.Errorf("merge report under Wine:\n%s\nhere:\n%s", a, b)
	}
	if _, _, err := storage.Load(winMerged); err != nil {
		t.Errorf("merged file: %v", err)
	}

	// A save that Windows refuses says why and leaves the file as it was.
	before := readFile(t, file)
	other := filepath.Join(dir, "other.csv")
	writeFile(t, other, "Family name,Given name\nMarles,Richard\n")
	code, _, errOut = e.cli(t, "import-people", winPath(file), "--side", "AU", winPath(other), "-o", winPath(filepath.Join(dir, "no", "such", "folder", "x.parley")))
	if code != exitBad || !strings.Contains(errOut, "x.parley") || !strings.Contains(errOut, "cannot save") {
		t.Errorf("save into a missing folder: %d %q", code, errOut)
	}
	if !bytes.Equal(readFile(t, file), before) {
		t.Error("a failed save changed the meeting")
	}

	// Recovery copies go to the user's local application data.
	code, out, _ = e.cli(t, "recover", "--list")
	if code != exitOK || !strings.Contains(out, `\AppData\Local\parley\recovery`) {
		t.Errorf("recover --list: %d %q", code, out)
	}
	// Usage errors keep their exit code through the console program.
	if code, _, _ := e.cli(t, "export"); code != exitUsage {
		t.Errorf("export without a file: exit %d", code)
	}
}

// hasPerson reports whether the meeting has a participant of that name.
func hasPerson(m *app.Meeting, given, family string) bool {
	for _, p := range m.People {
		if p.Given == given && p.Family == family {
			return true
		}
	}
	return false
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestWineSnapshot opens the window under Wine and writes its first frame:
// a real picture, read from the window through GDI.
func TestWineSnapshot(t *testing.T) {
	e := needWine(t)
	needDisplay(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "sample.parley")
	if err := storage.Save(file, sample.Sample()); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(dir, "programme.png")
	code, out, errOut := e.run(t, "parley.exe", "--snapshot", winPath(shot), "--view", "programme", winPath(file))
	if code != exitOK || !strings.Contains(out, "first frame") {
		t.Fatalf("snapshot: %d\n%s%s", code, out, errOut)
	}
	t.Log(strings.TrimSpace(out))
	img := readPNG(t, shot)
	if b := img.Bounds(); b.Dx() < 640 || b.Dy() < 480 {
		t.Errorf("%v is too small", b)
	}
	if c := distinctColours(img); c < 16 {
		t.Errorf("the picture has %d colours: blank", c)
	}
}

func needDisplay(t *testing.T) {
	t.Helper()
	if os.Getenv("DISPLAY") == "" {
		t.Fatal("no DISPLAY: make test-windows runs the Wine tests under xvfb-run")
	}
	if _, err := exec.LookPath("xdotool"); err != nil {
		t.Fatal("xdotool is missing: run make test-windows, which installs it")
	}
}

// TestWineWindowSave edits a meeting in the window under Wine, as a user
// would (xdotool's keys and clicks through the X server): the lock is
// taken, the recovery copy of the unsaved edit appears in the user's local
// application data, Ctrl+S saves over the file (the rename replaces it)
// and drops the recovery copy, the recent files go to Fyne's preferences
// in the roaming application data, and closing the window removes the
// lock.
func TestWineWindowSave(t *testing.T) {
	e := needWine(t)
	needDisplay(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "meeting.parley")
	if err := storage.Save(file, sample.Sample()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "wine", filepath.Join(e.bin, "parley.exe"), winPath(file))
	cmd.Env = append(os.Environ(), "WINEDEBUG=-all")
	cmd.WaitDelay = wineWaitDelay
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	defer func() {
		cmd.Process.Kill()
		<-exited
	}()

	win := waitFor(t, 60*time.Second, "the window", func() string {
		ids, _ := exec.Command("xdotool", "search", "--name", "meeting.parley").Output()
		id, _, _ := strings.Cut(strings.TrimSpace(string(ids)), "\n")
		return id
	})
	if info, ok := storage.ReadLock(file); !ok || info.File == "" {
		t.Errorf("no lock beside the open meeting (%+v)", info)
	}
	waitFor(t, 60*time.Second, "a drawn window", func() string {
		png, err := exec.Command("import", "-window", win, "png:-").Output()
		if err != nil {
			return ""
		}
		if img, err := decodePNG(png); err == nil && distinctColours(img) >= 16 {
			return "drawn"
		}
		return ""
	})
	// The Dialogue field, at the top of the Overview: click, type; the
	// title marks the unsaved change.
	xdo(t, "mousemove", "--window", win, "700", "92", "click", "1")
	xdo(t, "key", "End")
	xdo(t, "type", "--delay", "40", " from Windows")
	waitFor(t, 10*time.Second, "an unsaved change in the title", func() string {
		title, _ := exec.Command("xdotool", "getwindowname", win).Output()
		if strings.HasPrefix(string(title), "*meeting.parley") {
			return "dirty"
		}
		return ""
	})

	recovery := filepath.Join(e.userDir(t), "AppData", "Local", "parley", "recovery")
	copies := func() map[string]bool {
		m := map[string]bool{}
		names, _ := filepath.Glob(filepath.Join(recovery, "*.parley"))
		for _, n := range names {
			m[n] = true
		}
		return m
	}
	before := copies()
	mine := waitFor(t, 60*time.Second, "a recovery copy in "+recovery, func() string {
		for n := range copies() {
			if !before[n] {
				return n
			}
		}
		return ""
	})
	xdo(t, "key", "ctrl+s")
	waitFor(t, 20*time.Second, "the saved edit", func() string {
		m, _, err := storage.Load(file)
		if err != nil || m.Details.Topic != "Cyber Policy Dialogue from Windows" {
			return ""
		}
		return m.Details.Topic
	})
	waitFor(t, 10*time.Second, "the recovery copy gone after saving", func() string {
		if _, err := os.Stat(mine); os.IsNotExist(err) {
			return "gone"
		}
		return ""
	})
	prefs := filepath.Join(e.userDir(t), "AppData", "Roaming", "fyne", details.ID, "preferences.json")
	waitFor(t, 10*time.Second, "the recent file in "+prefs, func() string {
		data, _ := os.ReadFile(prefs)
		if bytes.Contains(data, []byte("meeting.parley")) {
			return "there"
		}
		return ""
	})
	entries, _ := os.ReadDir(dir)
	for _, en := range entries {
		if strings.Contains(en.Name(), ".saving-") {
			t.Errorf("left behind: %s", en.Name())
		}
	}

	xdo(t, "key", "alt+F4")
	select {
	case <-exited:
	case <-time.After(30 * time.Second):
		t.Fatalf("the window did not close\n%s", out.String())
	}
	if _, err := os.Stat(storage.LockPath(file)); !os.IsNotExist(err) {
		t.Errorf("the lock is left after closing: %v", err)
	}
}

func decodePNG(data []byte) (image.Image, error) { return png.Decode(bytes.NewReader(data)) }

// userDir is the Wine user's profile folder.
func (e wineEnv) userDir(t *testing.T) string {
	t.Helper()
	dirs, _ := filepath.Glob(filepath.Join(e.prefix, "drive_c", "users", "*", "AppData"))
	for _, d := range dirs {
		if !strings.Contains(d, "Public") {
			return filepath.Dir(d)
		}
	}
	t.Fatalf("no user profile in %s", e.prefix)
	return ""
}

// xdo runs xdotool.
func xdo(t *testing.T, args ...string) {
	t.Helper()
	if out, err := exec.Command("xdotool", args...).CombinedOutput(); err != nil {
		t.Fatalf("xdotool %v: %v\n%s", args, err, out)
	}
}

// waitFor polls until probe returns something, and returns it.
func waitFor(t *testing.T, limit time.Duration, what string, probe func() string) string {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		if v := probe(); v != "" {
			return v
		}
		if time.Now().After(deadline) {
			t.Fatalf("no %s after %v", what, limit)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// BenchmarkColdStartWine opens the Windows build's window under Wine and
// Xvfb on the large meeting (Latin and native-script names) and reports
// the time from the start of the program to the first frame, as
// --snapshot prints it, and from launching wine to that report (which
// adds Wine's start of a Windows process, and writing the PNG); the
// wineserver, started by the first run, serves the others (make
// bench-windows).
func BenchmarkColdStartWine(b *testing.B) {
	e := wineEnv{bin: os.Getenv("PARLEY_WINDOWS_BIN"), prefix: os.Getenv("WINEPREFIX")}
	if e.bin == "" || e.prefix == "" || os.Getenv("DISPLAY") == "" {
		b.Skip("PARLEY_WINDOWS_BIN, WINEPREFIX and DISPLAY are not set: make bench-windows runs this benchmark")
	}
	dir := b.TempDir()
	frame := regexp.MustCompile(`first frame (\d+) ms after start`)
	for _, tc := range []struct{ name, flag string }{{"latin", ""}, {"native", "--native"}} {
		large := filepath.Join(dir, tc.name+".parley")
		args := []string{"sample", "--large", "-o", large}
		if tc.flag != "" {
			args = append(args, tc.flag)
		}
		if code, _, errOut := runCLI(args...); code != 0 {
			b.Fatal(errOut)
		}
		b.Run(tc.name, func(b *testing.B) {
			var sum, wall float64
			for i := 0; i < b.N; i++ {
				cmd := exec.Command("wine", filepath.Join(e.bin, "parley.exe"), "--snapshot", winPath(filepath.Join(dir, "s.png")), "--view", "delegations", winPath(large))
				cmd.Env = append(os.Environ(), "WINEDEBUG=-all")
				cmd.WaitDelay = wineWaitDelay
				stdout, err := cmd.StdoutPipe()
				if err != nil {
					b.Fatal(err)
				}
				start := time.Now()
				if err := cmd.Start(); err != nil {
					b.Fatal(err)
				}
				var line []byte
				sc := bufio.NewScanner(stdout)
				for sc.Scan() {
					if frame.Match(sc.Bytes()) {
						line = append(line, sc.Bytes()...)
						wall += float64(time.Since(start).Milliseconds())
						break
					}
				}
				io.Copy(io.Discard, stdout)
				if err := cmd.Wait(); err != nil {
					b.Fatal(err)
				}
				m := frame.FindSubmatch(line)
				if m == nil {
					b.Fatal("no first-frame time printed")
				}
				ms, _ := strconv.ParseFloat(string(m[1]), 64)
				sum += ms
			}
			b.ReportMetric(wall/float64(b.N), "ms-launch-to-report")
			b.ReportMetric(sum/float64(b.N), "ms-to-first-frame")
		})
	}
}
