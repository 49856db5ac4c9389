//go:build linux && cgo

// Package malloc hands the C allocator's free memory back to the system.
// The window's OpenGL renderer (Mesa's llvmpipe under Xvfb) allocates
// through C's malloc, and glibc keeps the pages of freed blocks (about
// 7 MB after start-up) until asked to return them. Where there is no
// such call (not glibc, not Linux, or no cgo), Release does nothing.
package malloc

/*
#cgo LDFLAGS: -ldl
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>

// parley_malloc_trim calls glibc's malloc_trim(0) when the C library has
// it, and reports whether it did.
static int parley_malloc_trim(void) {
	int (*trim)(size_t) = (int (*)(size_t))dlsym(RTLD_DEFAULT, "malloc_trim");
	if (!trim) return 0;
	trim(0);
	return 1;
}
*/
import "C"

// Release returns the pages of freed C memory to the system, and reports
// whether the C library could.
func Release() bool { return C.parley_malloc_trim() != 0 }
