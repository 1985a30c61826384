#!/usr/bin/env bash
# Renders a bulletin workbook to PDF (LibreOffice) and its first pages — the 工作通报 sheet comes
# first — to PNG (pdftoppm), to look at the print layout.
# Usage: scripts/render-bulletin.sh BULLETIN.xlsx [OUTDIR] [PAGES]
set -euo pipefail
in="${1:?usage: scripts/render-bulletin.sh BULLETIN.xlsx [OUTDIR] [PAGES]}"
out="${2:-$(mktemp -d "${TMPDIR:-/tmp}/srdi-render.XXXXXX")}"
pages="${3:-3}"
mkdir -p "$out"
# A private LibreOffice profile: a shared one fails when another conversion runs at the same time.
profile="$(mktemp -d "${TMPDIR:-/tmp}/srdi-lo-profile.XXXXXX")"
trap 'rm -rf "$profile"' EXIT
libreoffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$in" >/dev/null 2>&1
pdf="$out/$(basename "${in%.*}").pdf"
[ -s "$pdf" ] || { echo "render-bulletin: no PDF produced from $in" >&2; exit 1; }
pdftoppm -png -r 70 -f 1 -l "$pages" "$pdf" "$out/bulletin"
ls "$out"/bulletin*.png
