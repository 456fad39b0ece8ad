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

    /** @return the companion to close when the resource stops, or null when the companion is not available */
    @SuppressWarnings("unchecked")
    static AutoCloseable inject(TestInjector injector, String bootstrapServers) {
        ClassLoader loader = SwitchboardInfrastructure.class.getClassLoader();
        Class<? extends Annotation> annotation;
        Class<?> companionType;
        try {
            annotation = (Class<? extends Annotation>) Class.forName(ANNOTATION, false, loader);
            companionType = Class.forName(COMPANION, true, loader);
        } catch (ClassNotFoundException | LinkageError notOnClassPath) {
            return null;
        }
        try {
            Object companion = companionType.getConstructor(String.class).newInstance(bootstrapServers);
            injector.injectIntoFields(companion, new TestInjector.AnnotatedAndMatchesType(annotation, companionType));
            return companion instanceof AutoCloseable closeable ? closeable : null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a KafkaCompanion for " + bootstrapServers, e);
        }
    }
}
