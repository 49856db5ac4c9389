//go:build !(linux && cgo)

package malloc

// Release does nothing here: there is no C allocator to ask.
func Release() bool { return false }
