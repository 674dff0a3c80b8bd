#!/usr/bin/env bash
# Package the frozen onedir bundle (dist/nnsim, made by packaging/build.sh) for Linux:
#
#   dist/nnsim_<version>_<arch>.deb              installs under /opt/nnsim, /usr/bin/nnsim symlink,
#                                                desktop file, hicolor icons, AppStream metainfo
#   dist/nnsim-<version>-linux-<machine>.tar.gz  the onedir as is (nnsim-<version>/nnsim to run)
#
# Needs dpkg-deb (Debian/Ubuntu). Environment: NNSIM_MAINTAINER overrides the control file's
# Maintainer field.
set -euo pipefail
cd "$(dirname "$0")/../.."

BUNDLE=dist/nnsim
# The app id's one home is nnsim/desktop.py (APP_ID); read it from there.
APP_ID=$(sed -n 's/^APP_ID = "\(.*\)"$/\1/p' nnsim/desktop.py)
[[ -n $APP_ID ]] || { echo "$(basename "$0"): no APP_ID in nnsim/desktop.py" >&2; exit 1; }
if [[ ! -x $BUNDLE/nnsim ]]; then
    echo "build-deb.sh: $BUNDLE/nnsim not found; run packaging/build.sh first" >&2
    exit 1
fi
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' nnsim/__init__.py)
[[ -n $VERSION ]] || { echo "build-deb.sh: no __version__ in nnsim/__init__.py" >&2; exit 1; }
ARCH=$(dpkg --print-architecture)
MACHINE=$(uname -m)
MAINTAINER=${NNSIM_MAINTAINER:-"nnsim developers <nnsim@users.noreply.github.com>"}

# Check the desktop integration files when the validators are installed (Debian:
# desktop-file-utils, appstream); CI and a developer's machine may not have them.
if command -v desktop-file-validate > /dev/null; then
    desktop-file-validate "resources/$APP_ID.desktop"
fi
if command -v appstreamcli > /dev/null; then
    appstreamcli validate --no-net --explain "resources/$APP_ID.metainfo.xml"
fi

STAGE=build/deb/nnsim_${VERSION}_${ARCH}
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
    "$STAGE/usr/share/metainfo" "$STAGE/usr/share/doc/nnsim" "$STAGE/usr/share/icons/hicolor/scalable/apps" \
    "$STAGE/usr/share/mime/packages"

cp -a "$BUNDLE" "$STAGE/opt/nnsim"
# The bootloader finds its _internal/ through /proc/self/exe, so a symlink on PATH works.
ln -s /opt/nnsim/nnsim "$STAGE/usr/bin/nnsim"
install -m 644 "resources/$APP_ID.desktop" "$STAGE/usr/share/applications/$APP_ID.desktop"
install -m 644 "resources/$APP_ID.metainfo.xml" "$STAGE/usr/share/metainfo/$APP_ID.metainfo.xml"
# The lesson-file type (*.nnsim); shared-mime-info's dpkg trigger rebuilds the MIME database.
install -m 644 "resources/$APP_ID.mime.xml" "$STAGE/usr/share/mime/packages/$APP_ID.xml"
install -m 644 resources/icons/nnsim.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"
for size in 16 32 48 64 128 256 512; do
    dir=$STAGE/usr/share/icons/hicolor/${size}x${size}/apps
    mkdir -p "$dir"
    install -m 644 "resources/icons/nnsim-$size.png" "$dir/$APP_ID.png"
done
cat > "$STAGE/usr/share/doc/nnsim/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: nnsim
Comment: /opt/nnsim is a PyInstaller bundle of nnsim with Python, PySide6 (Qt, LGPL-3.0),
 pyqtgraph (MIT) and NumPy (BSD-3-Clause), each under its own licence.

Files: *
Copyright: the nnsim developers
License: MIT
EOF

# Normalise permissions: whatever umask or checkout made the files, dirs 755 and files 644,
# executables and shared libraries 755.
find "$STAGE" -type d -exec chmod 755 {} +
find "$STAGE" -type f -exec chmod 644 {} +
chmod 755 "$STAGE/opt/nnsim/nnsim"
find "$STAGE/opt/nnsim" -type f \( -name '*.so' -o -name '*.so.*' \) -exec chmod 755 {} +

INSTALLED_KB=$(du -sk --apparent-size "$STAGE" | cut -f1)
# Qt's xcb and wayland plugins load these system libraries; PyInstaller bundles only those it
# finds on the build machine, so name them all. libGL/libEGL are never bundled (they belong to
# the graphics driver); Qt >= 6.5 needs libxcb-cursor0.
DEPENDS="libc6 (>= 2.31), libxcb1, libx11-6, libx11-xcb1, libxcb-cursor0, libxkbcommon0, \
libxkbcommon-x11-0, libxcb-icccm4, libxcb-keysyms1, libxcb-image0, libxcb-render-util0, \
libxcb-render0, libxcb-shape0, libxcb-shm0, libxcb-sync1, libxcb-xfixes0, libxcb-randr0, \
libxcb-xkb1, libxcb-glx0, libxcb-util1, libegl1, libgl1, libopengl0, libfontconfig1, \
libfreetype6, libdbus-1-3, libglib2.0-0, libwayland-client0, libwayland-cursor0, libwayland-egl1"
cat > "$STAGE/DEBIAN/control" <<EOF
Package: nnsim
Version: $VERSION
Section: education
Priority: optional
Architecture: $ARCH
Maintainer: $MAINTAINER
Installed-Size: $INSTALLED_KB
Depends: $DEPENDS
Recommends: shared-mime-info, desktop-file-utils
Homepage: https://github.com/nnsim/nnsim
Description: desktop neural-network simulator for teaching
 nnsim lets students build a small neural network, pick a data set and watch
 it train: the loss curve, the weights and the loss landscape update live.
 .
 This package holds a self-contained build (Python, Qt and NumPy included)
 under /opt/nnsim.
EOF
# No maintainer scripts: the hicolor icon cache, the desktop database (with the MimeType= of the
# desktop file) and the MIME database are refreshed by the file triggers of hicolor-icon-theme,
# desktop-file-utils and shared-mime-info.

DEB=dist/nnsim_${VERSION}_${ARCH}.deb
rm -f "$DEB"
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$DEB" > /dev/null
echo "== $DEB: $(du -m "$DEB" | cut -f1) MB, installs $((INSTALLED_KB / 1024)) MB"

TARBALL=dist/nnsim-${VERSION}-linux-${MACHINE}.tar.gz
rm -f "$TARBALL"
tar -C dist --owner=0 --group=0 --transform "s,^nnsim,nnsim-${VERSION}," -czf "$TARBALL" nnsim
echo "== $TARBALL: $(du -m "$TARBALL" | cut -f1) MB"
