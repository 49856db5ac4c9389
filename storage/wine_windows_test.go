//go:build windows && wine

package storage

import _ "unsafe" // for go:linkname

// Under Wine 8, Go's os.RemoveAll fails ("Invalid function"): Wine lacks
// the POSIX-style delete that Go tries first, and answers with a status
// Go does not take as "unsupported". The tests' temporary folders are
// removed with os.RemoveAll, so a test binary built for Wine (make
// test-windows: -tags wine -ldflags=-checklinkname=0) switches Go to its
// own fallback, the delete older Windows versions use. Real Windows
// needs none of this.
//
//go:linkname deleteatFallback internal/syscall/windows.TestDeleteatFallback
var deleteatFallback bool

func init() { deleteatFallback = true }
