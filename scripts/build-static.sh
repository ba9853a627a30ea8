#!/usr/bin/env bash
# Build GOV.UK Frontend into static/govuk/ from scripts/package.json and package-lock.json.
# The built files are committed, so running easyread needs no npm; run this only to upgrade.
#
#   bash scripts/build-static.sh
#
# What it makes (and nothing else):
#   static/govuk/govuk-frontend.min.css   compiled from scripts/easyread.scss (Arial, no GDS Transport font,
#                                         which is licensed for GOV.UK services only)
#   static/govuk/govuk-frontend.min.js    GOV.UK Frontend's JavaScript, unchanged
#   static/govuk/assets/images/govuk-crest.svg  the one image the CSS refers to
#   static/govuk/VERSION                  the govuk-frontend version it was built from
# The crown favicons and the GOV.UK logo are left out on purpose: a council service must not use them.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="$root/static/govuk"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cp "$here/package.json" "$here/package-lock.json" "$here/easyread.scss" "$work/"
cd "$work"
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
dist="node_modules/govuk-frontend/dist/govuk"

rm -rf "$out"
mkdir -p "$out/assets/images"
npx --no-install sass --pkg-importer=node --style=compressed --no-source-map easyread.scss "$out/govuk-frontend.min.css"
cp "$dist/govuk-frontend.min.js" "$out/"
cp "$dist/assets/images/govuk-crest.svg" "$out/assets/images/"
node -p "require('govuk-frontend/package.json').version" > "$out/VERSION"
printf 'GOV.UK Frontend %s, MIT licence, Crown copyright: https://github.com/alphagov/govuk-frontend\n' "$(cat "$out/VERSION")" > "$out/NOTICE"

# Every url() in the CSS must point at a file we ship.
grep -o 'url("[^"]*")' "$out/govuk-frontend.min.css" | sed 's/url("\(.*\)")/\1/' | sort -u | while read -r ref; do
  [ -f "$out/$ref" ] || { echo "The CSS refers to $ref, which is missing from static/govuk/" >&2; exit 1; }
done
echo "Built GOV.UK Frontend $(cat "$out/VERSION") into $out"
