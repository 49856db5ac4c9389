package ui

import (
	"runtime"
	"testing"
)

// TestShortcutText checks shortcuts are named as the system names them:
// Cmd on macOS, Ctrl elsewhere.
func TestShortcutText(t *testing.T) {
	want := map[bool]string{true: "Cmd+Shift+B", false: "Ctrl+Shift+B"}[runtime.GOOS == "darwin"]
	if got := shortcutText("Shift+B"); got != want {
		t.Errorf("shortcutText(Shift+B) = %q, want %q", got, want)
	}
}
