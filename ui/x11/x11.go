//go:build (linux || freebsd || openbsd || netbsd) && cgo

// Package x11 reaches the native X11 window behind a Fyne window for what
// Fyne has no API for: reading the window's pixels as the screen shows
// them, and its position on the screen. It uses Xlib through cgo, so only
// the command imports it; the ui package sees it through ui.Native.
// Under Wayland the calls report that they are not available.
package x11

/*
#cgo LDFLAGS: -lX11
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/Xatom.h>
#include <stdlib.h>

static int shift_of(unsigned long mask) {
	int s = 0;
	if (!mask) return 0;
	while (!(mask & 1)) { mask >>= 1; s++; }
	return s;
}

static int parley_capture(unsigned long win, unsigned char **out, int *width, int *height) {
	Display *d = XOpenDisplay(NULL);
	if (!d) return 1;
	XWindowAttributes a;
	if (!XGetWindowAttributes(d, (Window)win, &a)) { XCloseDisplay(d); return 2; }
	XImage *img = XGetImage(d, (Window)win, 0, 0, a.width, a.height, AllPlanes, ZPixmap);
	if (!img) { XCloseDisplay(d); return 3; }
	unsigned char *buf = malloc((size_t)a.width * a.height * 4);
	if (!buf) { XDestroyImage(img); XCloseDisplay(d); return 4; }
	unsigned long rm = img->red_mask, gm = img->green_mask, bm = img->blue_mask;
	int rs = shift_of(rm), gs = shift_of(gm), bs = shift_of(bm);
	for (int y = 0; y < a.height; y++) {
		for (int x = 0; x < a.width; x++) {
			unsigned long p = XGetPixel(img, x, y);
			unsigned char *o = buf + ((size_t)y * a.width + x) * 4;
			o[0] = (unsigned char)((p & rm) >> rs);
			o[1] = (unsigned char)((p & gm) >> gs);
			o[2] = (unsigned char)((p & bm) >> bs);
			o[3] = 255;
		}
	}
	*out = buf;
	*width = a.width;
	*height = a.height;
	XDestroyImage(img);
	XCloseDisplay(d);
	return 0;
}

// frame_extents reads the window manager's decoration sizes (left, top).
static void frame_extents(Display *d, Window w, long *left, long *top) {
	*left = 0; *top = 0;
	Atom prop = XInternAtom(d, "_NET_FRAME_EXTENTS", True);
	if (prop == None) return;
	Atom type; int format; unsigned long n, after; unsigned char *data = NULL;
	if (XGetWindowProperty(d, w, prop, 0, 4, False, XA_CARDINAL, &type, &format, &n, &after, &data) == Success && data) {
		if (n == 4 && format == 32) {
			long *v = (long *)data;
			*left = v[0];
			*top = v[2];
		}
		XFree(data);
	}
}

static int parley_position(unsigned long win, int *x, int *y) {
	Display *d = XOpenDisplay(NULL);
	if (!d) return 1;
	Window child;
	int rx, ry;
	if (!XTranslateCoordinates(d, (Window)win, DefaultRootWindow(d), 0, 0, &rx, &ry, &child)) { XCloseDisplay(d); return 2; }
	long left, top;
	frame_extents(d, (Window)win, &left, &top);
	*x = rx - (int)left;
	*y = ry - (int)top;
	XCloseDisplay(d);
	return 0;
}

// parley_workarea is the part of the screen windows may use: the window
// manager's _NET_WORKAREA for the current desktop, else the whole screen.
static int parley_workarea(int *x, int *y, int *w, int *h) {
	Display *d = XOpenDisplay(NULL);
	if (!d) return 1;
	*x = 0; *y = 0;
	*w = DisplayWidth(d, DefaultScreen(d));
	*h = DisplayHeight(d, DefaultScreen(d));
	Atom prop = XInternAtom(d, "_NET_WORKAREA", True);
	if (prop != None) {
		Atom type; int format; unsigned long n, after; unsigned char *data = NULL;
		if (XGetWindowProperty(d, DefaultRootWindow(d), prop, 0, 4, False, XA_CARDINAL, &type, &format, &n, &after, &data) == Success && data) {
			if (n == 4 && format == 32) {
				long *v = (long *)data;
				if (v[2] > 0 && v[3] > 0) { *x = (int)v[0]; *y = (int)v[1]; *w = (int)v[2]; *h = (int)v[3]; }
			}
			XFree(data);
		}
	}
	XCloseDisplay(d);
	return 0;
}

static int parley_move(unsigned long win, int x, int y) {
	Display *d = XOpenDisplay(NULL);
	if (!d) return 1;
	XMoveWindow(d, (Window)win, x, y);
	XFlush(d);
	XCloseDisplay(d);
	return 0;
}
*/
import "C"

import (
	"fmt"
	"image"
	"unsafe"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

// handle returns the X11 window of a Fyne window, or 0. Like every
// method here it must run on the UI goroutine.
func handle(w fyne.Window) uintptr {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return 0
	}
	var h uintptr
	nw.RunNative(func(ctx any) {
		if x, ok := ctx.(driver.X11WindowContext); ok {
			h = x.WindowHandle
		}
	})
	return h
}

// Capture reads the window's pixels from the X server.
func (Native) Capture(w fyne.Window) (image.Image, error) {
	h := handle(w)
	if h == 0 {
		return nil, ErrUnavailable
	}
	var buf *C.uchar
	var width, height C.int
	if rc := C.parley_capture(C.ulong(h), &buf, &width, &height); rc != 0 {
		return nil, fmt.Errorf("reading the window's pixels from the X server failed (step %d)", int(rc))
	}
	defer C.free(unsafe.Pointer(buf))
	img := image.NewRGBA(image.Rect(0, 0, int(width), int(height)))
	copy(img.Pix, unsafe.Slice((*byte)(unsafe.Pointer(buf)), int(width)*int(height)*4))
	return img, nil
}

// Position returns the window's position on the screen (its frame's top left).
func (Native) Position(w fyne.Window) (x, y int, ok bool) {
	h := handle(w)
	if h == 0 {
		return 0, 0, false
	}
	var cx, cy C.int
	if C.parley_position(C.ulong(h), &cx, &cy) != 0 {
		return 0, 0, false
	}
	return int(cx), int(cy), true
}

// Move places the window at a position on the screen.
func (Native) Move(w fyne.Window, x, y int) bool {
	h := handle(w)
	if h == 0 {
		return false
	}
	return C.parley_move(C.ulong(h), C.int(x), C.int(y)) == 0
}

// WorkArea returns the part of the screen windows may use, in pixels: the
// window manager's work area (without panels), else the whole screen.
func (Native) WorkArea(w fyne.Window) (x, y, width, height int, ok bool) {
	if handle(w) == 0 {
		return 0, 0, 0, 0, false
	}
	var cx, cy, cw, ch C.int
	if C.parley_workarea(&cx, &cy, &cw, &ch) != 0 {
		return 0, 0, 0, 0, false
	}
	return int(cx), int(cy), int(cw), int(ch), true
}
