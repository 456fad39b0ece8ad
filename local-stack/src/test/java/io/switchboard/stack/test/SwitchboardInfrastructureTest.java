package io.switchboard.stack.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.stack.KafkaTopics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/** The test resource outside Quarkus: each start gets its own database and topic prefix on the shared servers. */
class SwitchboardInfrastructureTest {

    @Test
    void everyStartGetsAFreshDatabaseAndTopicPrefix() throws Exception {
        SwitchboardInfrastructure resource = new SwitchboardInfrastructure();
        resource.init(Map.of("database", "routing", "topics", "routing.dlq"));
        Map<String, String> first = resource.start();
        Map<String, String> second = resource.start();
        resource.stop();

        assertThat(first).containsKeys("kafka.bootstrap.servers", "quarkus.mailer.host", "quarkus.mailer.port",
                "quarkus.datasource.username", "quarkus.datasource.password", "switchboard.test.imap.port",
                "switchboard.test.smtp.port");
        assertThat(first.get("switchboard.kafka.topic-prefix")).matches("t[0-9a-f]{8}\\.");
        assertThat(first.get("quarkus.datasource.reactive.url")).matches("postgresql://.+:\\d+/routing_[0-9a-f]{8}");
        assertThat(first.get("quarkus.datasource.jdbc.url")).isEqualTo("jdbc:" + first.get("quarkus.datasource.reactive.url"));
        assertThat(second.get("switchboard.kafka.topic-prefix")).isNotEqualTo(first.get("switchboard.kafka.topic-prefix"));
        assertThat(second.get("quarkus.datasource.jdbc.url")).isNotEqualTo(first.get("quarkus.datasource.jdbc.url"));
        assertThat(SwitchboardInfrastructure.topicPrefix()).isEqualTo(second.get("switchboard.kafka.topic-prefix"));

        try (Connection connection = DriverManager.getConnection(first.get("quarkus.datasource.jdbc.url"),
                first.get("quarkus.datasource.username"), first.get("quarkus.datasource.password"));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT 1")) {
            assertThat(rows.next()).isTrue();
        }
        String prefix = first.get("switchboard.kafka.topic-prefix");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                first.get("kafka.bootstrap.servers")))) {
            Set<String> topics = admin.listTopics().names().get();
            assertThat(topics).contains(prefix + "chat.requested", prefix + "routing.dlq");
            assertThat(admin.describeTopics(Set.of(prefix + "chat.requested")).allTopicNames().get()
                    .get(prefix + "chat.requested").partitions()).hasSize(KafkaTopics.PARTITIONS);
        }
    }
}
