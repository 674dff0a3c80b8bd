#!/usr/bin/env bash
# Make dist/nnsim-<version>-macos-<arch>.dmg from dist/nnsim.app (built by packaging/build.sh).
#
# Signing and notarization happen only when their credentials are in the environment:
#   NNSIM_CODESIGN_IDENTITY   a "Developer ID Application: ..." identity in the keychain
#   NNSIM_NOTARY_APPLE_ID, NNSIM_NOTARY_TEAM_ID, NNSIM_NOTARY_PASSWORD (app-specific password)
#     or NNSIM_NOTARY_PROFILE (a `xcrun notarytool store-credentials` keychain profile)
# Without them the .dmg is unsigned: Gatekeeper then asks users to right-click > Open once.
set -euo pipefail
cd "$(dirname "$0")/../.."

APP=dist/nnsim.app
[[ -d $APP ]] || { echo "make-dmg.sh: $APP not found; run packaging/build.sh on macOS first" >&2; exit 1; }
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' nnsim/__init__.py)
DMG=dist/nnsim-${VERSION}-macos-$(uname -m).dmg
IDENTITY=${NNSIM_CODESIGN_IDENTITY:-}

if [[ -n $IDENTITY ]]; then
    echo "== signing $APP as $IDENTITY (hardened runtime)"
    codesign --force --deep --options runtime --timestamp \
        --entitlements packaging/macos/entitlements.plist --sign "$IDENTITY" "$APP"
    codesign --verify --deep --strict --verbose=2 "$APP"
else
    echo "== NNSIM_CODESIGN_IDENTITY not set: skipping code signing and notarization"
fi

echo "== $DMG"
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"  # drag-to-install target
rm -f "$DMG"
hdiutil create -volname "nnsim $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"

if [[ -n $IDENTITY ]]; then
    codesign --force --timestamp --sign "$IDENTITY" "$DMG"
    notary=()
    if [[ -n ${NNSIM_NOTARY_PROFILE:-} ]]; then
        notary=(--keychain-profile "$NNSIM_NOTARY_PROFILE")
    elif [[ -n ${NNSIM_NOTARY_APPLE_ID:-} && -n ${NNSIM_NOTARY_TEAM_ID:-} && -n ${NNSIM_NOTARY_PASSWORD:-} ]]; then
        notary=(--apple-id "$NNSIM_NOTARY_APPLE_ID" --team-id "$NNSIM_NOTARY_TEAM_ID"
                --password "$NNSIM_NOTARY_PASSWORD")
    fi
    if [[ ${#notary[@]} -gt 0 ]]; then
        echo "== notarizing $DMG (waits for Apple)"
        xcrun notarytool submit "$DMG" "${notary[@]}" --wait
        xcrun stapler staple "$DMG"
        xcrun stapler validate "$DMG"
    else
        echo "== no notarytool credentials: signed but not notarized"
    fi
fi
echo "== $DMG: $(du -m "$DMG" | cut -f1) MB"
