#!/usr/bin/env bash
# Copies the manifests quarkus-kubernetes generated at build (<module>/target/kubernetes/kubernetes.yml) into the
# Kustomize base, so the base is exactly what the build generates. Run it after changing a quarkus.kubernetes.* or
# quarkus.container-image.* setting (or src/main/kubernetes/) and building; deploy/validate/run fails while they differ.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
for app in routing-service session-service transcript-service history-service workflow-service telephony-adapter gateway; do
  generated="$root/$app/target/kubernetes/kubernetes.yml"
  [[ -f "$generated" ]] || { echo "missing $generated: build first (mvn -B package -DskipTests)" >&2; exit 2; }
  cp "$generated" "$root/deploy/kustomize/base/generated/$app.yml"
done
echo "deploy/kustomize/base/generated updated"
