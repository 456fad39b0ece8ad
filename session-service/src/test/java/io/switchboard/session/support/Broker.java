package io.switchboard.session.support;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.stack.test.SwitchboardInfrastructure;

/** One Kafka companion per test JVM, on the broker of the test infrastructure. */
public final class Broker {

    private static KafkaCompanion companion;

    private Broker() {
    }

    public static synchronized KafkaCompanion companion() {
        if (companion == null) {
            companion = new KafkaCompanion(SwitchboardInfrastructure.kafkaBootstrapServers());
        }
        return companion;
    }
}
