// The Kustomize base holds the manifests exactly as quarkus-kubernetes generates them: after a build, each
// <module>/target/kubernetes/kubernetes.yml must equal deploy/kustomize/base/generated/<module>.yml (order of env
// entries aside). Without build output (a fresh clone) the check is skipped; CI runs it again after the build.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";

const APPS = ["routing-service", "session-service", "transcript-service", "history-service", "workflow-service", "telephony-adapter", "gateway"];

function normalize(docs) {
  const sortBy = (list, key) => list && [...list].sort((a, b) => key(a).localeCompare(key(b)));
  const walk = (node) => {
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === "object") {
      const out = {};
      for (const [k, v] of Object.entries(node)) {
        // The build names its git commit when it runs in a clone; that is not a difference in what is deployed.
        if (k === "app.quarkus.io/commit-id") continue;
        if (k === "env") out[k] = sortBy(v, (e) => e.name).map(walk);
        else if (k === "envFrom") out[k] = sortBy(v, (e) => JSON.stringify(e));
        else out[k] = walk(v);
      }
      return out;
    }
    return node;
  };
  return docs.map(walk).sort((a, b) => `${a.kind}/${a.metadata.name}`.localeCompare(`${b.kind}/${b.metadata.name}`));
}

export default async function ({ root, check, readYamlDocuments }) {
  const built = APPS.filter((app) => existsSync(join(root, app, "target/kubernetes/kubernetes.yml")));
  if (built.length < APPS.length) {
    console.log(`generated manifests: ${built.length} of ${APPS.length} built, comparison with the Kustomize base skipped`);
    return;
  }
  for (const app of APPS) {
    const generated = readYamlDocuments(readFileSync(join(root, app, "target/kubernetes/kubernetes.yml"), "utf8"), app);
    const committed = readYamlDocuments(readFileSync(join(root, "deploy/kustomize/base/generated", `${app}.yml`), "utf8"), app);
    check(isDeepStrictEqual(normalize(generated), normalize(committed)),
      `deploy/kustomize/base/generated/${app}.yml differs from ${app}/target/kubernetes/kubernetes.yml: run deploy/kustomize/sync-generated.sh`);
  }
}
