//go:build linux && cgo

package malloc

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"parley/ui/malloc/internal/churn"
)

// anonKB is the process's resident anonymous memory.
func anonKB(t *testing.T) int {
	t.Helper()
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("no /proc/self/status:", err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "RssAnon:" {
			kb, _ := strconv.Atoi(f[1])
			return kb
		}
	}
	t.Skip("no RssAnon in /proc/self/status")
	return 0
}

// TestReleaseReturnsFreedPages frees 32 MB of small C blocks that sit
// below a live one (so glibc cannot shrink its heap by itself) and checks
// that Release gives most of it back to the system.
func TestReleaseReturnsFreedPages(t *testing.T) {
	defer churn.Churn(8192, 4096)()
	before := anonKB(t)
	if !Release() {
		t.Skip("the C library has no malloc_trim")
	}
	after := anonKB(t)
	if freed := before - after; freed < 16*1024 {
		t.Errorf("Release gave back %d KB of the 32 MB freed (resident anonymous %d KB -> %d KB)", freed, before, after)
	}
}
