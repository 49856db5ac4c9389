//go:build windows

package win32

import (
	"fmt"
	"image"
	"unsafe"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"golang.org/x/sys/windows"
)

var (
	user32                 = windows.NewLazySystemDLL("user32.dll")
	gdi32                  = windows.NewLazySystemDLL("gdi32.dll")
	procGetDC              = user32.NewProc("GetDC")
	procReleaseDC          = user32.NewProc("ReleaseDC")
	procGetClientRect      = user32.NewProc("GetClientRect")
	procGetWindowRect      = user32.NewProc("GetWindowRect")
	procSetWindowPos       = user32.NewProc("SetWindowPos")
	procMonitorFromWindow  = user32.NewProc("MonitorFromWindow")
	procGetMonitorInfoW    = user32.NewProc("GetMonitorInfoW")
	procCreateCompatibleDC = gdi32.NewProc("CreateCompatibleDC")
	procCreateDIBSection   = gdi32.NewProc("CreateDIBSection")
	procSelectObject       = gdi32.NewProc("SelectObject")
	procBitBlt             = gdi32.NewProc("BitBlt")
	procDeleteObject       = gdi32.NewProc("DeleteObject")
	procDeleteDC           = gdi32.NewProc("DeleteDC")
)

type rect struct{ left, top, right, bottom int32 }

// monitorInfo is MONITORINFO.
type monitorInfo struct {
	size          uint32
	monitor, work rect
	flags         uint32
}

// monitorDefaultToNearest is MONITOR_DEFAULTTONEAREST.
const monitorDefaultToNearest = 2

// bitmapInfoHeader is BITMAPINFOHEADER.
type bitmapInfoHeader struct {
	size                         uint32
	width, height                int32
	planes, bitCount             uint16
	compression, sizeImage       uint32
	xPelsPerMeter, yPelsPerMeter int32
	clrUsed, clrImportant        uint32
}

const (
	srcCopy         = 0x00CC0020
	swpNoSize       = 0x0001
	swpNoZOrder     = 0x0004
	swpNoActivate   = 0x0010
	dibRGBColors    = 0
	biRGB           = 0
	bytesPerPixel   = 4
	bitsPerPixel    = 32
	topDownRowOrder = -1
)

// handle returns the window handle (HWND) of a Fyne window, or 0. Like
// every method here it must run on the UI goroutine.
func handle(w fyne.Window) uintptr {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return 0
	}
	var h uintptr
	nw.RunNative(func(ctx any) {
		if c, ok := ctx.(driver.WindowsWindowContext); ok {
			h = c.HWND
		}
	})
	return h
}

// Capture copies the window's client area, as the screen shows it, into
// an image (GDI: BitBlt from the window's device context into a 32-bit
// top-down bitmap).
func (Native) Capture(w fyne.Window) (image.Image, error) {
	h := handle(w)
	if h == 0 {
		return nil, ErrUnavailable
	}
	var r rect
	if ok, _, err := procGetClientRect.Call(h, uintptr(unsafe.Pointer(&r))); ok == 0 {
		return nil, fmt.Errorf("reading the window's size: %v", err)
	}
	width, height := int(r.right-r.left), int(r.bottom-r.top)
	if width <= 0 || height <= 0 {
		return nil, fmt.Errorf("the window has no area (%dx%d)", width, height)
	}
	src, _, _ := procGetDC.Call(h)
	if src == 0 {
		return nil, fmt.Errorf("no device context for the window")
	}
	defer procReleaseDC.Call(h, src)
	dst, _, _ := procCreateCompatibleDC.Call(src)
	if dst == 0 {
		return nil, fmt.Errorf("no memory device context")
	}
	defer procDeleteDC.Call(dst)
	info := bitmapInfoHeader{width: int32(width), height: topDownRowOrder * int32(height), planes: 1, bitCount: bitsPerPixel, compression: biRGB}
	info.size = uint32(unsafe.Sizeof(info))
	var bits unsafe.Pointer
	bmp, _, _ := procCreateDIBSection.Call(dst, uintptr(unsafe.Pointer(&info)), dibRGBColors, uintptr(unsafe.Pointer(&bits)), 0, 0)
	if bmp == 0 || bits == nil {
		return nil, fmt.Errorf("no bitmap of %dx%d", width, height)
	}
	defer procDeleteObject.Call(bmp)
	old, _, _ := procSelectObject.Call(dst, bmp)
	defer procSelectObject.Call(dst, old)
	if ok, _, err := procBitBlt.Call(dst, 0, 0, uintptr(width), uintptr(height), src, 0, 0, srcCopy); ok == 0 {
		return nil, fmt.Errorf("copying the window's pixels: %v", err)
	}
	pix := unsafe.Slice((*byte)(bits), width*height*bytesPerPixel)
	img := image.NewRGBA(image.Rect(0, 0, width, height))
	for i := 0; i < len(pix); i += bytesPerPixel { // BGRX to RGBA
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = pix[i+2], pix[i+1], pix[i], 0xff
	}
	return img, nil
}

// Position returns the window's position on the screen (its frame's top left).
func (Native) Position(w fyne.Window) (x, y int, ok bool) {
	h := handle(w)
	if h == 0 {
		return 0, 0, false
	}
	var r rect
	if rc, _, _ := procGetWindowRect.Call(h, uintptr(unsafe.Pointer(&r))); rc == 0 {
		return 0, 0, false
	}
	return int(r.left), int(r.top), true
}

// Move places the window's frame at a position on the screen.
func (Native) Move(w fyne.Window, x, y int) bool {
	h := handle(w)
	if h == 0 {
		return false
	}
	rc, _, _ := procSetWindowPos.Call(h, 0, uintptr(int32(x)), uintptr(int32(y)), 0, 0, swpNoSize|swpNoZOrder|swpNoActivate)
	return rc != 0
}

// WorkArea returns the work area (the screen without the taskbar) of the
// monitor the window is on, in pixels.
func (Native) WorkArea(w fyne.Window) (x, y, width, height int, ok bool) {
	h := handle(w)
	if h == 0 {
		return 0, 0, 0, 0, false
	}
	m, _, _ := procMonitorFromWindow.Call(h, monitorDefaultToNearest)
	if m == 0 {
		return 0, 0, 0, 0, false
	}
	mi := monitorInfo{size: uint32(unsafe.Sizeof(monitorInfo{}))}
	if rc, _, _ := procGetMonitorInfoW.Call(m, uintptr(unsafe.Pointer(&mi))); rc == 0 {
		return 0, 0, 0, 0, false
	}
	r := mi.work
	return int(r.left), int(r.top), int(r.right - r.left), int(r.bottom - r.top), true
}
