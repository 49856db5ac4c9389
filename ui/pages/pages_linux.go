//go:build linux

package pages

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"syscall"
	"unsafe"
)

// Drop tells the system that the process no longer needs the pages of
// each of data in memory, and returns how many bytes that covered (none
// for data outside a file mapping). Each must be data read from the
// program file and never written, such as a variable filled by go:embed:
// a page of a private mapping that was written would go back to the
// file's contents.
func Drop(data ...[]byte) int {
	maps, err := fileMappings()
	if err != nil {
		return 0
	}
	size := uintptr(os.Getpagesize())
	n := 0
	for _, b := range data {
		if len(b) == 0 {
			continue
		}
		start := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
		lo := (start + size - 1) &^ (size - 1)
		hi := (start + uintptr(len(b))) &^ (size - 1)
		if hi <= lo || !maps.cover(lo, hi) {
			continue
		}
		if _, _, errno := syscall.Syscall(syscall.SYS_MADVISE, lo, hi-lo, syscall.MADV_DONTNEED); errno == 0 {
			n += int(hi - lo)
		}
	}
	return n
}

// mappings are address ranges [from, to).
type mappings [][2]uintptr

// cover reports whether [lo, hi) lies in one of the ranges.
func (m mappings) cover(lo, hi uintptr) bool {
	for _, r := range m {
		if r[0] <= lo && hi <= r[1] {
			return true
		}
	}
	return false
}

// fileMappings lists the process's mappings of files (those
// /proc/self/maps names with a path and an inode), leaving out anonymous
// memory, whose contents MADV_DONTNEED would erase.
func fileMappings() (mappings, error) {
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var m mappings
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// 00400000-00db0000 r-xp 00000000 08:01 1234 /path/to/file
		fields := strings.Fields(sc.Text())
		if len(fields) < 6 || fields[4] == "0" || !strings.HasPrefix(fields[5], "/") {
			continue
		}
		from, to, ok := strings.Cut(fields[0], "-")
		if !ok {
			continue
		}
		a, err1 := strconv.ParseUint(from, 16, 64)
		z, err2 := strconv.ParseUint(to, 16, 64)
		if err1 == nil && err2 == nil {
			m = append(m, [2]uintptr{uintptr(a), uintptr(z)})
		}
	}
	return m, sc.Err()
}
