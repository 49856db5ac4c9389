#!/bin/sh
# Installs Parley from this folder. PREFIX says where (default /usr/local,
# which needs root; PREFIX=$HOME/.local installs for one user); DESTDIR,
# if set, is prepended to every path (for packagers).
#   sudo ./install.sh                   # /usr/local/bin/parley and the menu entry
#   PREFIX=$HOME/.local ./install.sh    # ~/.local/bin/parley
#   ./install.sh --uninstall            # removes what install.sh put there
set -eu
here=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-/usr/local}
DESTDIR=${DESTDIR:-}
root="$DESTDIR$PREFIX"
files="bin/parley share/applications/org.parley.app.desktop share/icons/hicolor/512x512/apps/org.parley.app.png share/mime/packages/org.parley.app.xml share/doc/parley/README.md share/doc/parley/LICENSE-NotoSans.txt share/doc/parley/LICENSE-WenQuanYiMicroHei.txt"
refresh() {
	[ -n "$DESTDIR" ] && return 0
	command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$PREFIX/share/mime" >/dev/null 2>&1 || true
	command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$PREFIX/share/applications" >/dev/null 2>&1 || true
	command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$PREFIX/share/icons/hicolor" >/dev/null 2>&1 || true
}
if [ "${1:-}" = "--uninstall" ]; then
	for f in $files; do rm -f "$root/$f"; done
	rmdir "$root/share/doc/parley" 2>/dev/null || true
	refresh
	echo "Parley removed from $root"
	exit 0
fi
for f in $files; do
	mode=644
	[ "$f" = bin/parley ] && mode=755
	install -D -m "$mode" "$here/$f" "$root/$f"
done
refresh
echo "Parley installed in $root: run $PREFIX/bin/parley, or find Parley in the applications menu"
case ":$PATH:" in *":$PREFIX/bin:"*) ;; *) echo "(add $PREFIX/bin to PATH to type just 'parley')" ;; esac
