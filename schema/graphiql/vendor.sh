#!/usr/bin/env bash
# Takes GraphiQL's browser builds from the npm packages pinned in package-lock.json and
# copies them into assets/, with every licence of what they bundle. Run it after changing
# a version in package.json (then `npm install --package-lock-only` first), and commit
# assets/: Jisr serves these files itself, so GraphiQL works without internet.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp "$here/package.json" "$here/package-lock.json" "$work/"
(cd "$work" && npm ci --no-audit --no-fund --ignore-scripts)

modules=$work/node_modules
assets=$here/assets
mkdir -p "$assets"
# source (package file) -> served name; the source-map comments go (the maps are not shipped)
while read -r source target; do
  sed '/^\/\/# sourceMappingURL=/d; s#/\*\# sourceMappingURL=[^*]*\*/##' \
    "$modules/$source" > "$assets/$target"
done <<'FILES'
react/umd/react.production.min.js react.production.min.js
react-dom/umd/react-dom.production.min.js react-dom.production.min.js
graphiql/graphiql.min.js graphiql.min.js
graphiql/graphiql.min.css graphiql.min.css
@graphiql/plugin-explorer/dist/index.umd.js plugin-explorer.umd.js
@graphiql/plugin-explorer/dist/style.css plugin-explorer.css
graphql-ws/umd/graphql-ws.min.js graphql-ws.min.js
FILES
node "$here/licenses.mjs" "$modules" > "$assets/LICENSES.txt"
echo "assets/ taken from:" >&2
(cd "$work" && npm ls --depth=0) >&2
