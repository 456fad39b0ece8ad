package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.bench.BenchChat.Direction;
import io.switchboard.bench.Targets.MessageStep;
import io.switchboard.bench.Targets.RequestStep;
import io.switchboard.bench.Verdict.Status;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The targets judged on step results made up here: met, missed and not measured for each. No servers. */
class TargetsTest {

    private static MessageStep messages(int rate, int seconds, double achieved, double c2aP99) {
        return new MessageStep(rate, seconds, achieved, 0, 0, 0, 0, 10.0, c2aP99, 5.0);
    }

    private static MessageStep lowLoad(int rate, Double c2aP50, Double kafkaP50) {
        return new MessageStep(rate, 30, rate, 0, 0, 0, 0, c2aP50, 50.0, kafkaP50);
    }

    private static RequestStep requests(int rate, long noOffer, long failed, Double p99) {
        long requests = rate * 20L;
        return new RequestStep(rate, 20, requests, requests - noOffer - failed, noOffer, failed, p99);
    }

    @Nested
    class Messages {

        @Test
        void metAt1000PerSecondFor60sWithinTheBars() {
            Verdict verdict = Targets.messages(List.of(messages(50, 60, 50, 20), messages(1000, 60, 995, 87)));

            assertThat(verdict.status()).isEqualTo(Status.MET);
            assertThat(verdict.measured())
                    .isEqualTo("step 1000/s for 60 s: achieved 995/s (99.5 %), c->a p99 87 ms, lost 0 dup 0 "
                            + "out-of-order 0 seq breaks 0");
            assertThat(verdict.figures().getDouble("achievedShare")).isEqualTo(0.995);
        }

        @Test
        void achievedMayFallShortBy1PercentNotMore() {
            assertThat(Targets.messages(List.of(messages(1000, 60, 990, 87))).status()).isEqualTo(Status.MET);
            assertThat(Targets.messages(List.of(messages(1000, 60, 989.9, 87))).status()).isEqualTo(Status.MISSED);
        }

        @Test
        void missedSaysOnWhat() {
            Verdict verdict = Targets.messages(List.of(messages(1000, 60, 710, 135)));

            assertThat(verdict.status()).isEqualTo(Status.MISSED);
            assertThat(verdict.measured()).contains("achieved 710/s (71 %)", "c->a p99 135 ms")
                    .endsWith("; missed on achieved, c->a p99");
        }

        @Test
        void oneMessageDuplicatedOrASeqBreakMisses() {
            MessageStep duplicated = new MessageStep(1000, 60, 1000, 0, 1, 0, 0, 10.0, 50.0, 5.0);
            MessageStep seqBreak = new MessageStep(1000, 60, 1000, 0, 0, 0, 1, 10.0, 50.0, 5.0);

            assertThat(Targets.messages(List.of(duplicated)).measured()).endsWith("missed on lost/dup/out-of-order");
            assertThat(Targets.messages(List.of(seqBreak)).status()).isEqualTo(Status.MISSED);
        }

        @Test
        void notMeasuredBelow1000PerSecondOrUnder60sButSaysWhatTheHighestStepGave() {
            Verdict slow = Targets.messages(List.of(messages(300, 20, 297, 469), messages(100, 20, 100, 90)));
            Verdict shortRun = Targets.messages(List.of(messages(1000, 30, 1000, 80)));

            assertThat(slow.status()).isEqualTo(Status.NOT_MEASURED);
            assertThat(slow.measured())
                    .startsWith("highest step 300/s for 20 s: achieved 297/s (99 %), c->a p99 469 ms")
                    .endsWith("needs a step of >= 1000/s for >= 60 s");
            assertThat(shortRun.status()).isEqualTo(Status.NOT_MEASURED);
            assertThat(Targets.messages(List.of()).measured()).isEqualTo("no message step");
        }

        @Test
        void judgedOnTheHighestRateStep() {
            Verdict verdict = Targets.messages(List.of(messages(1000, 60, 1000, 80), messages(1200, 60, 900, 300)));

            assertThat(verdict.status()).isEqualTo(Status.MISSED);
            assertThat(verdict.figures().getInteger("offeredPerSecond")).isEqualTo(1200);
        }
    }

    @Nested
    class Routing {

        @Test
        void metAt200PerSecondAllOfferedWithinTheBar() {
            Verdict verdict = Targets.routing(List.of(requests(10, 0, 0, 40.0), requests(200, 0, 0, 95.5)));

            assertThat(verdict.status()).isEqualTo(Status.MET);
            assertThat(verdict.measured()).isEqualTo("step 200 req/s for 20 s: offered 4000/4000 (no offer 0, "
                    + "failed 0), request->offer p99 95.5 ms");
        }

        @Test
        void missedOnLatencyOrOnARequestNotOffered() {
            assertThat(Targets.routing(List.of(requests(200, 0, 0, 101.0))).measured())
                    .endsWith("missed on request->offer p99");
            assertThat(Targets.routing(List.of(requests(200, 3, 0, 60.0))).measured())
                    .endsWith("missed on not every request offered");
            assertThat(Targets.routing(List.of(requests(200, 0, 1, 60.0))).status()).isEqualTo(Status.MISSED);
            assertThat(Targets.routing(List.of(requests(200, 4000, 0, null))).measured())
                    .contains("request->offer p99 none ms");
        }

        @Test
        void notMeasuredBelow200PerSecondButSaysWhatTheHighestStepGave() {
            Verdict verdict = Targets.routing(List.of(requests(10, 0, 0, 255.0), requests(20, 0, 0, 1740.0)));

            assertThat(verdict.status()).isEqualTo(Status.NOT_MEASURED);
            assertThat(verdict.measured()).startsWith("highest step 20 req/s for 20 s: offered 400/400")
                    .endsWith("needs a step of >= 200 req/s");
            assertThat(Targets.routing(List.of()).measured()).isEqualTo("no request step");
        }
    }

    @Nested
    class LowLoad {

        @Test
        void metWithin5msOfTheKafkaFloorAtTheLowestRate() {
            Verdict verdict = Targets.lowLoad(List.of(lowLoad(100, 30.0, 2.0), lowLoad(50, 7.1, 2.1)));

            assertThat(verdict.status()).isEqualTo(Status.MET);
            assertThat(verdict.measured())
                    .isEqualTo("lowest step 50/s: c->a p50 7.1 ms, Kafka floor p50 2.1 ms, difference 5 ms");
        }

        @Test
        void missedMoreThan5msAboveTheFloor() {
            Verdict verdict = Targets.lowLoad(List.of(lowLoad(50, 14.8, 5.3)));

            assertThat(verdict.status()).isEqualTo(Status.MISSED);
            assertThat(verdict.figures().getDouble("differenceMs")).isEqualTo(9.5);
            assertThat(Targets.lowLoad(List.of(lowLoad(50, null, 5.3))).status()).isEqualTo(Status.MISSED);
        }

        @Test
        void notMeasuredWithoutAMessageStepOrAFloor() {
            assertThat(Targets.lowLoad(List.of()).status()).isEqualTo(Status.NOT_MEASURED);
            assertThat(Targets.lowLoad(List.of(lowLoad(50, 7.0, null))).status()).isEqualTo(Status.NOT_MEASURED);
        }
    }

    /** What a run prints and records: the steps as Report keeps them, judged at the end. */
    @Test
    void theReportPrintsAndRecordsTheThreeVerdicts() {
        Report report = new Report(new JsonObject());
        Latency requestToOffer = latency(40, 60, 90);
        report.requestStep(new JsonObject().put("requestsPerSecond", 200).put("seconds", 20).put("requests", 4000L)
                .put("measuredRequests", 4000L).put("offered", 3990L).put("noOffer", 10L).put("failed", 0L)
                .put("leaveFailed", 0L).put("requestToOffer", requestToOffer.json()), latency(3, 4, 5), Map.of());
        report.messageStep(messageStep(50, 6), 30, latency(2, 2, 3), latency(1, 1, 1), Map.of());

        List<Verdict> verdicts = report.targets();

        JsonArray targets = report.json().getJsonArray("targets");
        assertThat(targets).hasSize(3);
        assertThat(targets.stream().map(t -> ((JsonObject) t).getString("name")))
                .containsExactly("messages", "routing", "low load");
        assertThat(targets.stream().map(t -> ((JsonObject) t).getString("status")))
                .containsExactly("not measured", "missed", "met");
        assertThat(targets.getJsonObject(1).getLong("noOffer")).isEqualTo(10);
        assertThat(targets.getJsonObject(1).getString("target")).isEqualTo(verdicts.get(1).target());
        assertThat(verdicts.get(2).line()).startsWith("  low load: met          lowest step 50/s: c->a p50 6 ms");
    }

    /** A message step at {@code rate}/s for 30 s in which every message arrived {@code ms} after its due time. */
    private static StepStats messageStep(int rate, long ms) {
        StepStats stats = new StepStats(rate);
        stats.windowStartNanos = 0;
        for (int i = 0; i < rate * 30; i++) {
            Direction direction = i % 2 == 0 ? Direction.CONTACT_TO_AGENT : Direction.AGENT_TO_CONTACT;
            stats.of(direction).sent.incrementAndGet();
            stats.delivered(direction, true, 1, 1 + TimeUnit.MILLISECONDS.toNanos(ms), BenchChat.Verdict.OK);
        }
        return stats;
    }

    private static Latency latency(long... ms) {
        Latency latency = new Latency();
        for (long m : ms) {
            latency.recordNanos(TimeUnit.MILLISECONDS.toNanos(m));
        }
        return latency;
    }
}
