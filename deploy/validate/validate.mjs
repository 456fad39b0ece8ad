// Checks what operators apply, without a cluster: every Kustomize overlay renders (kubectl kustomize), every resource
// is valid against the Kubernetes API schema (kubernetes-models), the objects fit together (selectors, ports, service
// URLs, referenced ConfigMaps/Secrets), and the compose file, alert rules, dashboards and topic definitions are sound.
// Run: (cd deploy/validate && npm ci && node validate.mjs); .ci/run does.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments, parse as parseYaml } from "yaml";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const failures = [];
let checks = 0;
const check = (ok, message) => {
  checks++;
  if (!ok) failures.push(message);
};

// Secrets an overlay expects to be created outside Git (production removes the placeholders of the base).
const EXTERNAL_SECRETS = {
  production: new Set(["switchboard-secrets", "switchboard-contact-token-keys"]),
};
const OVERLAYS = ["dev", "production"];

function readYamlDocuments(text, source) {
  return parseAllDocuments(text)
    .map((doc) => {
      if (doc.errors.length) failures.push(`${source}: ${doc.errors[0].message}`);
      return doc.toJS();
    })
    .filter((doc) => doc != null);
}

async function modelFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
  const module = group === "monitoring.coreos.com"
    ? `@kubernetes-models/prometheus-operator/${apiVersion}`
    : group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`;
  try {
    return (await import(module))[kind];
  } catch {
    return undefined;
  }
}

async function validateSchema(resource, where) {
  const Model = await modelFor(resource.apiVersion, resource.kind);
  check(Model, `${where}: no schema known for ${resource.apiVersion} ${resource.kind}`);
  if (!Model) return;
  try {
    new Model(resource).validate();
    checks++;
  } catch (error) {
    failures.push(`${where}: ${error.message}`);
  }
}

const labelsMatch = (selector, labels) =>
  Object.entries(selector ?? {}).every(([key, value]) => labels?.[key] === value);

function checkRendered(overlay, resources) {
  const byKind = (kind) => resources.filter((r) => r.kind === kind);
  const named = (kind, name) => resources.find((r) => r.kind === kind && r.metadata.name === name);
  const external = EXTERNAL_SECRETS[overlay] ?? new Set();
  const secretExists = (name) => named("Secret", name) || external.has(name);
  const deployments = byKind("Deployment");
  const services = byKind("Service");
  // Switchboard's own workloads; the dev overlay adds throw-away infrastructure (Kafka, PostgreSQL, Mailpit).
  const apps = deployments.filter((d) => d.metadata.labels?.["app.kubernetes.io/part-of"] === "switchboard");
  check(apps.length === 7, `${overlay}: expected 7 Switchboard Deployments, found ${apps.length}`);

  for (const d of deployments) {
    for (const c of d.spec.template.spec.containers) {
      for (const env of c.env ?? []) {
        const ref = env.valueFrom?.secretKeyRef ?? env.valueFrom?.configMapKeyRef;
        if (!ref) continue;
        const kind = env.valueFrom.secretKeyRef ? "Secret" : "ConfigMap";
        const source = named(kind, ref.name);
        check(source ? ref.key in { ...source.data, ...source.stringData } : kind === "Secret" && external.has(ref.name),
          `${overlay}: Deployment ${d.metadata.name}: ${kind} ${ref.name} has no key ${ref.key}`);
      }
    }
  }

  for (const d of apps) {
    const where = `${overlay}: Deployment ${d.metadata.name}`;
    const selector = d.spec.selector.matchLabels;
    const podLabels = d.spec.template.metadata.labels;
    check(labelsMatch(selector, podLabels), `${where}: selector does not match its pod labels`);
    check(!("app.kubernetes.io/version" in selector), `${where}: the version label is in the selector (immutable)`);
    for (const c of d.spec.template.spec.containers) {
      check(c.resources?.requests?.cpu && c.resources?.requests?.memory, `${where}: no resource requests`);
      check(c.resources?.limits?.memory, `${where}: no memory limit`);
      for (const probe of ["livenessProbe", "readinessProbe", "startupProbe"]) {
        check(c[probe], `${where}: no ${probe}`);
      }
      check(!/^docker\.io\/root\//.test(c.image), `${where}: image ${c.image} has no configured registry`);
      for (const from of c.envFrom ?? []) {
        if (from.configMapRef) check(named("ConfigMap", from.configMapRef.name), `${where}: ConfigMap ${from.configMapRef.name} missing`);
        if (from.secretRef) check(secretExists(from.secretRef.name), `${where}: Secret ${from.secretRef.name} missing`);
      }
      for (const mount of c.volumeMounts ?? []) {
        check((d.spec.template.spec.volumes ?? []).some((v) => v.name === mount.name), `${where}: mount ${mount.name} has no volume`);
      }
    }
    for (const v of d.spec.template.spec.volumes ?? []) {
      if (v.secret) check(secretExists(v.secret.secretName), `${where}: Secret ${v.secret.secretName} missing`);
    }
    check(!d.spec.template.spec.initContainers, `${where}: init containers (a Flyway Job wait?) are not expected`);
    const pdb = byKind("PodDisruptionBudget").find((p) => labelsMatch(p.spec.selector.matchLabels, podLabels));
    check(pdb, `${where}: no PodDisruptionBudget selects its pods`);
    const hpa = byKind("HorizontalPodAutoscaler").find((h) => h.spec.scaleTargetRef.kind === "Deployment" && h.spec.scaleTargetRef.name === d.metadata.name);
    check(hpa, `${where}: no HorizontalPodAutoscaler`);
  }

  for (const s of services) {
    const where = `${overlay}: Service ${s.metadata.name}`;
    const target = deployments.find((d) => labelsMatch(s.spec.selector, d.spec.template.metadata.labels));
    check(target, `${where}: selects no Deployment's pods`);
    if (!target) continue;
    const containerPorts = target.spec.template.spec.containers.flatMap((c) => c.ports ?? []);
    for (const port of s.spec.ports) {
      check(containerPorts.some((p) => p.containerPort === port.targetPort || p.name === port.targetPort),
        `${where}: targetPort ${port.targetPort} is no container port`);
    }
  }

  // Every service URL in the configuration names a Service and one of its ports (port 80 when none is written).
  for (const cm of byKind("ConfigMap")) {
    for (const [key, value] of Object.entries(cm.data ?? {})) {
      const url = /^https?:\/\/([a-z0-9-]+)(?::(\d+))?(\/|$)/.exec(value);
      if (!url) continue;
      const service = named("Service", url[1]);
      if (!service && !/_URL$/.test(key)) continue; // an outside host (identity provider) in a non-service setting
      check(service, `${overlay}: ${cm.metadata.name}.${key}=${value} names no Service`);
      const port = Number(url[2] ?? (value.startsWith("https") ? 443 : 80));
      check(service?.spec.ports.some((p) => p.port === port),
        `${overlay}: ${cm.metadata.name}.${key}=${value}: Service ${url[1]} has no port ${port}`);
    }
  }

  for (const ingress of byKind("Ingress")) {
    for (const rule of ingress.spec.rules) {
      for (const path of rule.http.paths) {
        const backend = path.backend.service;
        const service = named("Service", backend.name);
        check(service, `${overlay}: Ingress path ${path.path} names no Service ${backend.name}`);
        check(service?.spec.ports.some((p) => p.name === backend.port.name || p.port === backend.port.number),
          `${overlay}: Ingress path ${path.path}: Service ${backend.name} has no such port`);
      }
    }
  }

  for (const hpa of byKind("HorizontalPodAutoscaler")) {
    check(named(hpa.spec.scaleTargetRef.kind, hpa.spec.scaleTargetRef.name), `${overlay}: HPA ${hpa.metadata.name} scales nothing`);
    check(hpa.spec.minReplicas <= hpa.spec.maxReplicas, `${overlay}: HPA ${hpa.metadata.name} min > max`);
  }
}

async function checkKustomize() {
  for (const overlay of OVERLAYS) {
    const dir = join(root, "deploy/kustomize/overlays", overlay);
    let rendered;
    try {
      rendered = execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (error) {
      failures.push(`kubectl kustomize ${overlay}: ${error.stderr || error.message}`);
      continue;
    }
    const resources = readYamlDocuments(rendered, overlay);
    for (const r of resources) await validateSchema(r, `${overlay}: ${r.kind} ${r.metadata?.name}`);
    checkRendered(overlay, resources);
  }
}

// Compose: a URL naming another compose service uses the port that service's application listens on.
function checkCompose() {
  const compose = parseYaml(readFileSync(join(root, "docker-compose.yml"), "utf8"), { merge: true });
  const httpPort = (module) => {
    const file = join(root, module, "src/main/resources/application.properties");
    if (!existsSync(file)) return undefined;
    const line = readFileSync(file, "utf8").split("\n").find((l) => l.startsWith("quarkus.http.port="));
    return line ? Number(line.split("=")[1]) : undefined;
  };
  for (const [name, service] of Object.entries(compose.services)) {
    for (const [key, value] of Object.entries(service.environment ?? {})) {
      const url = /^https?:\/\/([a-z0-9-]+):(\d+)/.exec(String(value));
      if (!url || !compose.services[url[1]]) continue;
      const expected = httpPort(url[1]);
      if (expected === undefined) continue;
      check(Number(url[2]) === expected, `docker-compose.yml: ${name}.${key}=${value}: ${url[1]} listens on ${expected}`);
    }
  }
}


await checkKustomize();
checkCompose();
for (const file of readdirSync(join(dirname(fileURLToPath(import.meta.url)), "checks")).filter((f) => f.endsWith(".mjs")).sort()) {
  const { default: run } = await import(`./checks/${file}`);
  await run({ root, check, failures, readYamlDocuments, validateSchema });
}

if (failures.length) {
  for (const f of failures) console.error(`FAIL ${f}`);
  console.error(`deploy validation: ${failures.length} of ${checks} checks failed`);
  process.exit(1);
}
console.log(`deploy validation: all ${checks} checks passed`);
