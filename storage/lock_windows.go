//go:build windows

package storage

import "os"

// processAlive reports whether a process with the ID runs on this host
// (on Windows, FindProcess opens the process and fails when there is none).
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
