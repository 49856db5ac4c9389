//go:build windows

package storage

import (
	"errors"

	"golang.org/x/sys/windows"
)

// stillActive is the exit code Windows reports for a process that runs
// (STILL_ACTIVE).
const stillActive = 259

// processAlive reports whether a process with the ID runs on this host.
// A process that has ended stays visible on Windows while anything holds
// a handle to it (the program that started it, say), so opening it is not
// enough: its exit code must still say it runs. A process of another user
// that cannot be opened runs.
func processAlive(pid int) bool {
	h, err := windows.OpenProcess(windows.PROCESS_QUERY_LIMITED_INFORMATION, false, uint32(pid))
	if err != nil {
		return errors.Is(err, windows.ERROR_ACCESS_DENIED)
	}
	defer windows.CloseHandle(h)
	var code uint32
	if err := windows.GetExitCodeProcess(h, &code); err != nil {
		return true
	}
	return code == stillActive
}
