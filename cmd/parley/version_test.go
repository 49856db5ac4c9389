package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf16"

	"parley/ui"
)

// TestVersionFromFyneApp checks that FyneApp.toml is the one source of the
// name, ID and version: the command, the window's ID and the Windows
// resource (the .syso that go build links into parley.exe) agree with it.
func TestVersionFromFyneApp(t *testing.T) {
	if details.Name != "Parley" || details.ID != ui.AppID || details.Version == "" || details.Build < 1 {
		t.Fatalf("FyneApp.toml gives %+v (the window's ID is %s)", details, ui.AppID)
	}
	code, out, _ := runCLI("version")
	if want := "parley " + details.Version + " (build "; code != exitOK || !strings.HasPrefix(out, want) {
		t.Errorf("version prints %q, want it to start %q", out, want)
	}
	syso, err := os.ReadFile("rsrc_windows_amd64.syso")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{fmt.Sprintf("%s.%d", details.Version, details.Build), details.Version, details.Name} {
		if !bytes.Contains(syso, utf16le(s)) {
			t.Errorf("rsrc_windows_amd64.syso lacks %q: FyneApp.toml changed since, run make winres", s)
		}
	}
}

func TestParseDetails(t *testing.T) {
	for _, tc := range []struct{ name, toml string }{
		{"not TOML", "[Details\n"},
		{"no version", "[Details]\nName = \"Parley\"\nID = \"org.parley.app\"\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			defer func() {
				if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "FyneApp.toml") {
					t.Errorf("panic %v", r)
				}
			}()
			parseDetails([]byte(tc.toml))
		})
	}
}

// utf16le is s as Windows resources store it.
func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return b
}
