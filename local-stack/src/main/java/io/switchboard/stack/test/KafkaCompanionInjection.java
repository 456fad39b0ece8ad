package io.switchboard.stack.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager.TestInjector;
import java.lang.annotation.Annotation;

/**
 * Fills {@code @InjectKafkaCompanion KafkaCompanion} fields when quarkus-test-kafka-companion is on the test class
 * path. By reflection, so that local-stack does not force that dependency (and its Testcontainers) on anyone.
 */
final class KafkaCompanionInjection {

    private static final String ANNOTATION = "io.quarkus.test.kafka.InjectKafkaCompanion";
    private static final String COMPANION = "io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion";

    private KafkaCompanionInjection() {
    }

    /** @return a new companion, to close when the resource stops, or null when the companion is not available */
    static AutoCloseable create(String bootstrapServers) {
        try {
            Class<?> companionType = Class.forName(COMPANION, true, SwitchboardInfrastructure.class.getClassLoader());
            Object companion = companionType.getConstructor(String.class).newInstance(bootstrapServers);
            return companion instanceof AutoCloseable closeable ? closeable : null;
        } catch (ClassNotFoundException | LinkageError notOnClassPath) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a KafkaCompanion for " + bootstrapServers, e);
        }
    }

    /** Fills the {@code @InjectKafkaCompanion} fields of the current test instance. */
    @SuppressWarnings("unchecked")
    static void inject(TestInjector injector, Object companion) {
        try {
            Class<? extends Annotation> annotation = (Class<? extends Annotation>) Class.forName(ANNOTATION, false,
                    SwitchboardInfrastructure.class.getClassLoader());
            injector.injectIntoFields(companion, new TestInjector.AnnotatedAndMatchesType(annotation, companion.getClass()));
        } catch (ClassNotFoundException | LinkageError notOnClassPath) {
            // no annotation, nothing to fill
        }
    }
}
