// Alert rules, their Prometheus Operator copy, the compose Prometheus configuration and the Grafana dashboards.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { parse, stringify } from "yaml";

const SEVERITIES = new Set(["page", "ticket"]);

export default async function ({ root, check, failures, validateSchema }) {
  const dir = join(root, "deploy/observability");
  const rulesFile = join(dir, "prometheus/alerts.yml");
  const rules = parse(readFileSync(rulesFile, "utf8"));
  const names = new Set();
  for (const group of rules.groups) {
    for (const rule of group.rules) {
      const where = `alerts.yml ${group.name}/${rule.alert}`;
      check(rule.alert && !names.has(rule.alert), `${where}: missing or duplicate alert name`);
      names.add(rule.alert);
      check(typeof rule.expr === "string" && rule.expr.trim(), `${where}: no expr`);
      check(SEVERITIES.has(rule.labels?.severity), `${where}: severity must be page or ticket`);
      check(rule.annotations?.summary && rule.annotations?.description, `${where}: summary and description needed`);
    }
  }

  // promtool (Debian's prometheus package, unpacked by deploy/validate/run) checks the syntax and runs the unit tests.
  const promtool = process.env.PROMTOOL;
  if (promtool && existsSync(promtool)) {
    for (const args of [["check", "rules", rulesFile], ["test", "rules", join(dir, "prometheus/alerts-test.yml")],
      ["check", "config", join(dir, "prometheus/prometheus-compose.yml")]]) {
      try {
        execFileSync(promtool, args, { stdio: ["ignore", "pipe", "pipe"] });
        check(true);
      } catch (error) {
        failures.push(`promtool ${args.join(" ")}: ${error.stdout}${error.stderr}`);
      }
    }
  } else {
    console.log("promtool not found (PROMTOOL): alert rules checked for structure only");
  }

  // The PrometheusRule of the Kustomize component carries exactly the groups of alerts.yml.
  const ruleResourceFile = join(root, "deploy/kustomize/components/prometheus-rules/prometheus-rule.yml");
  const header = "# Generated from deploy/observability/prometheus/alerts.yml by deploy/validate (SYNC=1 node validate.mjs): do not edit.\n";
  const resource = {
    apiVersion: "monitoring.coreos.com/v1",
    kind: "PrometheusRule",
    metadata: { name: "switchboard", labels: { "app.kubernetes.io/part-of": "switchboard" } },
    spec: { groups: rules.groups },
  };
  if (process.env.SYNC === "1") writeFileSync(ruleResourceFile, header + stringify(resource, { lineWidth: 0 }));
  const committed = existsSync(ruleResourceFile) ? parse(readFileSync(ruleResourceFile, "utf8")) : undefined;
  check(isDeepStrictEqual(committed, resource),
    "deploy/kustomize/components/prometheus-rules/prometheus-rule.yml differs from alerts.yml: run SYNC=1 node validate.mjs");
  await validateSchema(resource, "PrometheusRule switchboard");

  // Dashboards: valid JSON, unique panel ids, every query on the provisioned datasource.
  const datasources = parse(readFileSync(join(dir, "grafana/provisioning/datasources/prometheus.yml"), "utf8"));
  const uids = new Set(datasources.datasources.map((d) => d.uid));
  const dashboards = readdirSync(join(dir, "grafana/dashboards")).filter((f) => f.endsWith(".json"));
  check(dashboards.length > 0, "no Grafana dashboard");
  const parsed = [];
  for (const file of dashboards) {
    let dashboard;
    try {
      dashboard = JSON.parse(readFileSync(join(dir, "grafana/dashboards", file), "utf8"));
    } catch (error) {
      failures.push(`${file}: ${error.message}`);
      continue;
    }
    parsed.push(dashboard);
    check(dashboard.uid && dashboard.title, `${file}: uid and title needed`);
    const ids = new Set();
    for (const panel of dashboard.panels) {
      check(!ids.has(panel.id), `${file}: duplicate panel id ${panel.id}`);
      ids.add(panel.id);
      if (panel.type === "row") continue;
      check(uids.has(panel.datasource?.uid), `${file}: panel "${panel.title}" uses an unprovisioned datasource`);
      check(panel.targets?.length && panel.targets.every((t) => t.expr?.trim()), `${file}: panel "${panel.title}" has no query`);
      check(panel.targets.every((t) => balanced(t.expr)), `${file}: panel "${panel.title}" has unbalanced brackets`);
    }
  }
  checkMetricsDocumented(root, rules, parsed, check);
}

// Every Switchboard metric an alert or a panel uses is listed in docs/operations.md (which says who exposes it).
function checkMetricsDocumented(root, rules, dashboards, check) {
  const operations = readFileSync(join(root, "docs/operations.md"), "utf8");
  const used = new Set();
  const collect = (expr) => (expr.match(/\bswitchboard_[a-z_]+/g) ?? []).forEach((m) => used.add(m));
  rules.groups.forEach((g) => g.rules.forEach((r) => collect(r.expr)));
  dashboards.forEach((d) => d.panels.forEach((p) => (p.targets ?? []).forEach((t) => collect(t.expr))));
  for (const metric of used) {
    check(operations.includes("`" + metric), `docs/operations.md does not list the metric ${metric}`);
  }
  // ... and in metrics.tsv, with the services that expose it: their MetricsExposedTest scrapes /q/metrics for it.
  const listed = new Set(readFileSync(join(root, "deploy/observability/metrics.tsv"), "utf8").split("\n")
    .filter((line) => line.trim() && !line.startsWith("#")).map((line) => line.split("\t")[0]));
  const exposed = new Set();
  const collectExposed = (expr) => (expr.match(/\b(?:switchboard|kafka|quarkus_messaging|mp_messaging)_[a-z_]+/g) ?? [])
    .forEach((m) => exposed.add(m));
  rules.groups.forEach((g) => g.rules.forEach((r) => collectExposed(r.expr)));
  dashboards.forEach((d) => d.panels.forEach((p) => (p.targets ?? []).forEach((t) => collectExposed(t.expr))));
  for (const metric of exposed) {
    check(listed.has(metric), `deploy/observability/metrics.tsv does not list the metric ${metric}`);
  }
}

function balanced(expr) {
  const pairs = { ")": "(", "]": "[", "}": "{" };
  const stack = [];
  for (const ch of expr.replace(/"[^"]*"/g, "")) {
    if ("([{".includes(ch)) stack.push(ch);
    else if (pairs[ch] && stack.pop() !== pairs[ch]) return false;
  }
  return stack.length === 0;
}
