//go:build linux && cgo

// Package churn leaves freed C memory behind, for the malloc package's
// test (cgo cannot be used in test files).
package churn

/*
#include <stdlib.h>
#include <string.h>

static void *parley_churn(int n, size_t size) {
	void **blocks = malloc(n * sizeof(void *));
	for (int i = 0; i < n; i++) {
		blocks[i] = malloc(size);
		memset(blocks[i], 1, size);
	}
	for (int i = 0; i < n - 1; i++) free(blocks[i]);
	void *last = blocks[n - 1];
	free(blocks);
	return last;
}
*/
import "C"

import "unsafe"

// Churn allocates n blocks of size bytes, writes them, and frees all but
// the last: pages glibc keeps, below a live block, until trimmed. Free
// releases the live block.
func Churn(n, size int) (free func()) {
	last := C.parley_churn(C.int(n), C.size_t(size))
	return func() { C.free(unsafe.Pointer(last)) }
}
