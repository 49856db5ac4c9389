package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/app"
	"parley/app/sample"
	"parley/storage"
)

// saveTemp writes m to a file in a fresh directory and returns its path.
func saveTemp(t *testing.T, name string, m *app.Meeting) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := storage.Save(path, m); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestNextCommand(t *testing.T) {
	tests := []struct {
		name string
		meet func() *app.Meeting
		host string
		ordinal,
		wantTitle string
		wantHost string
	}{
		{name: "bilateral", meet: sample.Sample, wantTitle: "3rd", wantHost: "AU"},
		{name: "bilateral host named", meet: sample.Sample, host: "japan", wantTitle: "3rd", wantHost: "JP"},
		{name: "multilateral", meet: sample.Multilateral, wantTitle: "4th", wantHost: ""},
		{name: "ordinal given", meet: sample.Sample, ordinal: "7", wantTitle: "7th", wantHost: "AU"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			last := tc.meet()
			in := saveTemp(t, "last.parley", last)
			before, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(filepath.Dir(in), "next.parley")
			args := []string{"next", in, "-o", out}
			if tc.host != "" {
				args = append(args, "--host", tc.host)
			}
			if tc.ordinal != "" {
				args = append(args, "--ordinal", tc.ordinal)
			}
			code, stdout, stderr := runCLI(args...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			for _, want := range []string{"wrote " + out, "Carried over:", "Increased or reset:", tc.wantTitle} {
				if !strings.Contains(stdout, want) {
					t.Errorf("stdout lacks %q:\n%s", want, stdout)
				}
			}
			after, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			if string(after) != string(before) {
				t.Error("the last meeting's file changed")
			}
			next, _, err := storage.Load(out)
			if err != nil {
				t.Fatal(err)
			}
			if next.Details.ID == last.Details.ID {
				t.Error("the next meeting kept the last one's meeting ID")
			}
			if len(next.ToConfirm("")) != len(last.People) || len(last.People) == 0 {
				t.Errorf("%d of %d participants to confirm", len(next.ToConfirm("")), len(last.People))
			}
			h, lastHost := next.SideByID(next.Details.HostSide), last.SideByID(last.Details.HostSide)
			switch {
			case h == nil || lastHost == nil:
				t.Errorf("host %v, last host %v", h, lastHost)
			case tc.wantHost != "" && h.Code != tc.wantHost:
				t.Errorf("host %s, want %s", h.Code, tc.wantHost)
			case tc.wantHost == "" && h.Code == lastHost.Code:
				t.Errorf("host %s did not move on", h.Code)
			}
			if len(next.Statement.Earlier) == 0 {
				t.Error("no agreed paragraphs kept for the agreed-language search")
			}
		})
	}
}

func TestNextDryRun(t *testing.T) {
	in := saveTemp(t, "last.parley", sample.Sample())
	code, stdout, stderr := runCLI("next", "--dry-run", in)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Contains(stdout, "wrote") || !strings.Contains(stdout, "Carried over:") {
		t.Errorf("dry run output:\n%s", stdout)
	}
	entries, err := os.ReadDir(filepath.Dir(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("dry run wrote files: %v", entries)
	}
}

func TestNextRefused(t *testing.T) {
	conflicted := sample.Sample()
	p := conflicted.People[0]
	conflicted.Conflicts = []app.Conflict{{ID: app.NewID(), Kind: app.KindPerson, Record: p.ID, Field: "position",
		Where: `participant 1 ("` + p.Given + " " + p.Family + `").position`,
		Mine:  json.RawMessage(`"Ambassador"`), Theirs: json.RawMessage(`"Deputy Secretary"`)}}
	unnumbered := sample.Sample()
	unnumbered.Details.Ordinal = 0

	tests := []struct {
		name     string
		meet     *app.Meeting
		args     []string
		code     int
		wantErrs []string
	}{
		{name: "open conflicts", meet: conflicted, code: exitRefused,
			wantErrs: []string{"last.parley: participant 1", "Ambassador", "Deputy Secretary", "1 conflict", "settle"}},
		{name: "no ordinal", meet: unnumbered, code: exitRefused,
			wantErrs: []string{"last.parley: meeting: ordinal:", "--ordinal N"}},
		{name: "no ordinal given one", meet: unnumbered, args: []string{"--ordinal", "4"}, code: exitOK},
		{name: "bad date", meet: sample.Sample(), args: []string{"--start", "1 Aug"}, code: exitUsage,
			wantErrs: []string{"YYYY-MM-DD"}},
		{name: "unknown host", meet: sample.Sample(), args: []string{"--host", "FR"}, code: exitUsage,
			wantErrs: []string{"--host"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := saveTemp(t, "last.parley", tc.meet)
			out := filepath.Join(filepath.Dir(in), "next.parley")
			code, _, stderr := runCLI(append([]string{"next", in, "-o", out}, tc.args...)...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d: %s", code, tc.code, stderr)
			}
			for _, want := range tc.wantErrs {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr)
				}
			}
			if _, err := os.Stat(out); (err == nil) != (tc.code == exitOK) {
				t.Errorf("next file written: %v, exit %d", err == nil, code)
			}
		})
	}
}

func TestNextUsage(t *testing.T) {
	in := saveTemp(t, "last.parley", sample.Sample())
	tests := []struct {
		name string
		args []string
		want string
	}{
		{name: "no output", args: []string{"next", in}, want: "-o NEXT.parley"},
		{name: "over the last", args: []string{"next", in, "-o", in}, want: "the last meeting's file"},
		{name: "no file", args: []string{"next", "-o", "x.parley"}, want: "name the last meeting's file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCLI(tc.args...)
			if code != exitUsage || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr:\n%s", code, stderr)
			}
		})
	}
}
