package io.switchboard.workflow.strategy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.switchboard.workflow.WorkflowConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Seeds the strategy from a JSON file (same shape as {@code PUT /api/workflow/strategy}) into an empty database at
 * start. A file that is not a valid strategy stops the start: better than running with no workflow by surprise.
 */
@ApplicationScoped
public class StrategySeeder {

    static final String DEFAULT_RESOURCE = "/workflow/default-strategy.json";
    private static final String ACTOR = "system";

    private final StrategyStore store;
    private final ObjectMapper json;
    private final Validator validator;
    private final Optional<Path> file;

    public StrategySeeder(StrategyStore store, ObjectMapper json, Validator validator, WorkflowConfig config) {
        this.store = store;
        this.json = json;
        this.validator = validator;
        this.file = config.strategyFile();
    }

    void onStart(@Observes StartupEvent start) throws Throwable {
        WorkflowStrategy initial = load();
        boolean seeded = VertxContextSupport.subscribeAndAwait(() -> store.seed(initial, ACTOR));
        Log.infof(seeded ? "workflow strategy seeded from %s" : "workflow strategy already present; %s not applied",
                file.map(Path::toString).orElse(DEFAULT_RESOURCE));
    }

    WorkflowStrategy load() {
        WorkflowStrategy strategy;
        try (InputStream in = file.isPresent() ? Files.newInputStream(file.get())
                : StrategySeeder.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            strategy = json.readValue(in, WorkflowStrategy.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the workflow strategy file", e);
        }
        Set<ConstraintViolation<WorkflowStrategy>> violations = validator.validate(strategy);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("invalid workflow strategy file: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).collect(Collectors.joining(", ")));
        }
        return strategy;
    }
}
