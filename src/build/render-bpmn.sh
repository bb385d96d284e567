#!/usr/bin/env bash
# Renders every bpmn/*.bpmn to docs/images/process-<process-id>.png with bpmn-js in headless Chromium
# (see docs/processes.md). One command: installs Chromium + CJK fonts (Debian) and the node packages when missing.
# Usage: src/build/render-bpmn.sh [file.bpmn ...]   (default: all of bpmn/*.bpmn)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
render="$root/src/build/render"

if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi 'Noto.*CJK'; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium chromium-driver fonts-noto-cjk
fi
if [ ! -d "$render/node_modules/bpmn-js" ] || [ "$render/package-lock.json" -nt "$render/node_modules/.package-lock.json" ]; then
  (cd "$render" && npm ci --no-audit --no-fund)
fi

if [ "$#" -eq 0 ]; then
  set -- "$root"/bpmn/*.bpmn
fi
exec node "$render/render.js" "$root/docs/images" "$@"
