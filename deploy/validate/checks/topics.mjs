// Strimzi KafkaTopic definitions (no schema package for Strimzi here): the fields the operator needs, sane values.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export default async function ({ root, check, readYamlDocuments }) {
  const topics = readYamlDocuments(readFileSync(join(root, "deploy/kafka/topics.yml"), "utf8"), "topics.yml");
  const names = new Set();
  for (const t of topics) {
    const where = `deploy/kafka/topics.yml ${t.metadata?.name}`;
    check(t.apiVersion === "kafka.strimzi.io/v1beta2" && t.kind === "KafkaTopic", `${where}: not a Strimzi KafkaTopic`);
    check(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(t.metadata?.name ?? ""), `${where}: metadata.name is no DNS-1123 label`);
    check(t.metadata?.labels?.["strimzi.io/cluster"], `${where}: label strimzi.io/cluster missing`);
    check(!names.has(t.spec.topicName), `${where}: topic ${t.spec.topicName} defined twice`);
    names.add(t.spec.topicName);
    check(Number.isInteger(t.spec.partitions) && t.spec.partitions > 0, `${where}: partitions`);
    check(Number.isInteger(t.spec.replicas) && t.spec.replicas >= t.spec.config["min.insync.replicas"],
      `${where}: replicas below min.insync.replicas`);
    check(/^(delete|compact|compact,delete)$/.test(t.spec.config["cleanup.policy"]), `${where}: cleanup.policy`);
    // retention.ms only deletes where the policy deletes; a compact-only topic (queue.hours: a queue's latest hours, no
    // personal data) keeps each key's last record by design.
    const deletes = t.spec.config["cleanup.policy"] !== "compact";
    check(!deletes || (Number.isInteger(t.spec.config["retention.ms"]) && t.spec.config["retention.ms"] > 0),
      `${where}: retention.ms must be bounded (personal data: docs/topics.md)`);
  }
}
