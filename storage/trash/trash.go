// Package trash moves files to the desktop's trash, where the user can
// still restore them: the freedesktop.org Trash (XDG_DATA_HOME/Trash) on
// Linux and other Unix desktops, ~/.Trash on macOS, the Recycle Bin on
// Windows.
package trash

// Move moves the file at path to the trash.
func Move(path string) error { return move(path) }
