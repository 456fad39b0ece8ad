package io.switchboard.stack.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * deploy/observability/metrics.tsv: the metrics the dashboards and alert rules use (deploy/validate keeps that list
 * complete) and the services that expose them. A service's test scrapes its own /q/metrics and asks which of its
 * rows are missing, so a renamed or dropped metric fails the build instead of leaving a panel empty.
 */
public final class MetricsManifest {

    /** The row value meaning every service (through service-kit). */
    public static final String ALL_SERVICES = "services";
    private static final Path FILE = Path.of("deploy", "observability", "metrics.tsv");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]", Pattern.MULTILINE);

    private MetricsManifest() {
    }

    /** The metric names the manifest says {@code service} exposes. */
    public static List<String> expectedOf(String service) {
        List<String> names = new ArrayList<>();
        for (String line : lines()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            List<String> by = Arrays.asList(columns[1].trim().split(","));
            if (by.contains(service) || by.contains(ALL_SERVICES)) {
                names.add(columns[0].trim());
            }
        }
        return names;
    }

    /** The names of {@code service}'s rows that the Prometheus text {@code scraped} has no sample of. */
    public static List<String> missing(String service, String scraped) {
        List<String> present = new ArrayList<>();
        Matcher samples = SAMPLE.matcher(scraped);
        while (samples.find()) {
            present.add(samples.group(1));
        }
        return expectedOf(service).stream().filter(name -> !present.contains(name)).toList();
    }

    private static List<String> lines() {
        // Tests run in their module's directory, one below the repository root.
        Path file = Files.exists(FILE) ? FILE : Path.of("..").resolve(FILE);
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
    }
}
