package main

import (
	"parley/ui"
	"parley/ui/win32"
)

// native reaches the Windows window.
var native ui.Native = win32.Native{}
