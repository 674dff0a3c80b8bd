#!/usr/bin/env bash
# Install dist/nnsim_<version>_<arch>.deb for real, run the installed app, remove it again.
#
#   sudo packaging/linux/test-deb.sh [path/to/nnsim.deb]
#
# Needs root and apt (Debian 12 / Ubuntu 22.04+). Checks: apt resolves the Depends; the files
# land where the desktop expects them; Qt's xcb platform plugin finds all its libraries;
# lesson files (*.nnsim) are registered (MIME XML, MimeType= in the desktop file);
# `nnsim --self-test` passes offscreen (and on a virtual X screen when xvfb-run is installed);
# removal leaves no /opt/nnsim, /usr/bin/nnsim or desktop file behind.
set -euo pipefail
cd "$(dirname "$0")/../.."

# The app id's one home is nnsim/desktop.py (APP_ID); read it from there.
APP_ID=$(sed -n 's/^APP_ID = "\(.*\)"$/\1/p' nnsim/desktop.py)
[[ -n $APP_ID ]] || { echo "$(basename "$0"): no APP_ID in nnsim/desktop.py" >&2; exit 1; }
debs=(dist/nnsim_*.deb)
DEB=${1:-${debs[${#debs[@]}-1]}}
[[ -f $DEB ]] || { echo "test-deb.sh: no .deb; run packaging/linux/build-deb.sh first" >&2; exit 1; }
[[ $(id -u) == 0 ]] || { echo "test-deb.sh: must run as root (apt-get install)" >&2; exit 1; }
DEB=$(realpath "$DEB")
TIMEOUT=${NNSIM_SELFTEST_TIMEOUT:-600}

fail() { echo "test-deb.sh: FAIL: $*" >&2; exit 1; }

export DEBIAN_FRONTEND=noninteractive
# apt needs package lists to resolve Depends; fetch them only when there are none.
if ! compgen -G "/var/lib/apt/lists/*_Packages" > /dev/null; then
    apt-get update -qq
fi

# Whatever fails, do not leave the package installed on the machine.
cleanup() { dpkg -s nnsim > /dev/null 2>&1 && apt-get remove -y -qq nnsim > /dev/null 2>&1; return 0; }
trap cleanup EXIT

echo "== installing $DEB"
apt-get install -y -qq --no-install-recommends "$DEB" > /dev/null
dpkg -s nnsim | grep -E '^(Status|Version):'

for path in /opt/nnsim/nnsim /usr/bin/nnsim "/usr/share/applications/$APP_ID.desktop" \
    "/usr/share/metainfo/$APP_ID.metainfo.xml" "/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg" \
    "/usr/share/icons/hicolor/256x256/apps/$APP_ID.png"; do
    [[ -e $path ]] || fail "$path missing after install"
done
# Lesson files (*.nnsim): the desktop file opens them and the MIME type is registered.
MIME_TYPE=$(sed -n 's/^LESSON_MIME_TYPE = "\(.*\)"$/\1/p' nnsim/desktop.py)
[[ -n $MIME_TYPE ]] || fail "no LESSON_MIME_TYPE in nnsim/desktop.py"
[[ -f /usr/share/mime/packages/$APP_ID.xml ]] || fail "MIME type XML missing after install"
grep -q "type=\"$MIME_TYPE\"" "/usr/share/mime/packages/$APP_ID.xml" || fail "$MIME_TYPE not in the MIME XML"
grep -q '<glob pattern="\*.nnsim"/>' "/usr/share/mime/packages/$APP_ID.xml" || fail "*.nnsim glob not in the MIME XML"
grep -q "^MimeType=.*$MIME_TYPE;" "/usr/share/applications/$APP_ID.desktop" || fail "the desktop file does not list $MIME_TYPE"
grep -q '^Exec=nnsim %f$' "/usr/share/applications/$APP_ID.desktop" || fail "the desktop file's Exec does not pass the file (%f)"
if command -v update-mime-database > /dev/null; then
    # shared-mime-info is installed: its trigger must have compiled the type into the database.
    update-mime-database /usr/share/mime
    [[ -f /usr/share/mime/${MIME_TYPE}.xml ]] || fail "$MIME_TYPE not in the compiled MIME database"
    echo "== MIME database knows $MIME_TYPE"
fi
if command -v update-desktop-database > /dev/null; then
    update-desktop-database /usr/share/applications
    grep -q "^$MIME_TYPE=.*$APP_ID.desktop" /usr/share/applications/mimeinfo.cache \
        || fail "$APP_ID.desktop is not registered for $MIME_TYPE in mimeinfo.cache"
    echo "== desktop database: $APP_ID.desktop opens $MIME_TYPE"
fi
[[ $(readlink /usr/bin/nnsim) == /opt/nnsim/nnsim ]] || fail "/usr/bin/nnsim does not point to /opt/nnsim/nnsim"
# Run it as a user's shell would find it: a system PATH, not a venv's (which has its own nnsim).
SYSTEM_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
[[ $(PATH=$SYSTEM_PATH command -v nnsim) == /usr/bin/nnsim ]] || fail "nnsim on the system PATH is not /usr/bin/nnsim"

# Every library of the X11 platform plugin must resolve, from the bundle or from the Depends.
xcb_plugin=$(find /opt/nnsim -name 'libqxcb.so' | head -n 1)
[[ -n $xcb_plugin ]] || fail "no xcb platform plugin in /opt/nnsim"
missing=$(LD_LIBRARY_PATH=/opt/nnsim/_internal ldd "$xcb_plugin" \
    "$(dirname "$xcb_plugin")/../../lib/libQt6XcbQpa.so.6" | grep 'not found' || true)
[[ -z $missing ]] || fail "xcb plugin libraries not found:"$'\n'"$missing"

echo "== nnsim --self-test (offscreen), from outside the source tree"
(cd / && PATH=$SYSTEM_PATH QT_QPA_PLATFORM=offscreen timeout "$TIMEOUT" nnsim --self-test) || fail "self-test (offscreen)"

if command -v xvfb-run > /dev/null; then
    echo "== nnsim --self-test on a virtual X screen (xcb)"
    (cd / && PATH=$SYSTEM_PATH QT_QPA_PLATFORM=xcb timeout "$TIMEOUT" xvfb-run -a nnsim --self-test) || fail "self-test (xcb)"
fi

echo "== removing"
apt-get remove -y -qq nnsim > /dev/null
for path in /opt/nnsim /usr/bin/nnsim "/usr/share/applications/$APP_ID.desktop" \
    "/usr/share/metainfo/$APP_ID.metainfo.xml" "/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg" \
    "/usr/share/mime/packages/$APP_ID.xml"; do
    [[ ! -e $path && ! -L $path ]] || fail "$path left behind after removal"
done
if dpkg -s nnsim > /dev/null 2>&1; then
    dpkg -s nnsim | grep -q '^Status: deinstall ok config-files' || fail "nnsim still installed"
fi
echo "test-deb.sh: OK ($DEB installed, ran, removed)"
