//go:build !windows

package main

import (
	"parley/ui"
	"parley/ui/x11"
)

// native reaches the X11 window where there is one.
var native ui.Native = x11.Native{}
