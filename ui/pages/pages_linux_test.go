//go:build linux

package pages

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"os"
	"testing"
	"unsafe"

	"parley/assets"
)

// residentPages counts the pages of b the process has in memory, from
// /proc/self/pagemap (bit 63 of each page's entry: present).
func residentPages(t *testing.T, b []byte) int {
	t.Helper()
	f, err := os.Open("/proc/self/pagemap")
	if err != nil {
		t.Skip("no /proc/self/pagemap:", err)
	}
	defer f.Close()
	size := uintptr(os.Getpagesize())
	start := uintptr(unsafe.Pointer(unsafe.SliceData(b))) / size
	end := (uintptr(unsafe.Pointer(unsafe.SliceData(b))) + uintptr(len(b)) - 1) / size
	entries := make([]byte, 8*(end-start+1))
	if _, err := f.ReadAt(entries, int64(start*8)); err != nil {
		t.Skip("reading /proc/self/pagemap:", err)
	}
	n := 0
	for i := 0; i < len(entries); i += 8 {
		if binary.LittleEndian.Uint64(entries[i:])>>63 == 1 {
			n++
		}
	}
	return n
}

// TestDropReleasesEmbeddedData reads the whole embedded CJK font, drops
// it, and checks that its pages left memory and that it reads back the
// same afterwards.
func TestDropReleasesEmbeddedData(t *testing.T) {
	font := assets.CJK
	sum := crc32.ChecksumIEEE(font) // touches every page
	pages := len(font) / os.Getpagesize()
	if before := residentPages(t, font); before < pages*9/10 {
		t.Fatalf("only %d of the font's %d pages are in memory after reading it all", before, pages)
	}
	dropped := Drop(font, nil)
	if dropped < len(font)-2*os.Getpagesize() {
		t.Errorf("Drop covered %d bytes of %d", dropped, len(font))
	}
	if after := residentPages(t, font); after > 2 {
		t.Errorf("%d of the font's %d pages still in memory after Drop", after, pages)
	}
	if got := crc32.ChecksumIEEE(font); got != sum {
		t.Errorf("the font reads back differently after Drop: crc %08x, was %08x", got, sum)
	}
}

// TestDropLeavesHeapAlone checks that memory that is not a file's (here
// the Go heap, where dropping a page would zero it) is left as it is.
func TestDropLeavesHeapAlone(t *testing.T) {
	data := bytes.Repeat([]byte("parley "), 1<<20)
	want := bytes.Clone(data)
	if n := Drop(data); n != 0 {
		t.Errorf("Drop acted on %d bytes of the heap", n)
	}
	if !bytes.Equal(data, want) {
		t.Error("the heap data changed")
	}
	if n := Drop(nil, []byte{}); n != 0 {
		t.Errorf("Drop of empty data = %d", n)
	}
}
