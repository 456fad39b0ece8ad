package io.switchboard.bench;

import io.switchboard.bench.Verdict.Status;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Issue 11's targets for this machine (docs/performance.md, "Targets"), judged on the steps of a run: each met,
 * missed, or not measured (the run had no step that could tell), always with the figures of the step judged.
 */
final class Targets {

    // The targets themselves, in one place. Achieved may fall 1 % short of offered: a message sent at the end of the
    // window arrives after it, so even an unloaded stack never achieves exactly what was offered.
    static final int MESSAGE_RATE = 1_000;
    static final int MESSAGE_SECONDS = 60;
    static final double ACHIEVED_SHARE = 0.99;
    static final double CONTACT_TO_AGENT_P99_MS = 100;
    static final int REQUEST_RATE = 200;
    static final double REQUEST_TO_OFFER_P99_MS = 100;
    static final double LOW_LOAD_ABOVE_FLOOR_MS = 5;

    static final String MESSAGES = "messages";
    static final String ROUTING = "routing";
    static final String LOW_LOAD = "low load";

    private Targets() {
    }

    /** What a message step gave, as Report records it. Latencies are null when nothing was measured. */
    record MessageStep(int offeredPerSecond, int seconds, double achievedPerSecond, long lost, long duplicated,
                       long outOfOrder, long seqBreaks, Double contactToAgentP50, Double contactToAgentP99,
                       Double kafkaFloorP50) {

        static MessageStep of(JsonObject step) {
            return new MessageStep(step.getInteger("offeredPerSecond"), step.getInteger("seconds"),
                    step.getDouble("achievedPerSecond"), step.getLong("lost"), step.getLong("duplicated"),
                    step.getLong("outOfOrder"), step.getLong("seqBreaks"),
                    step.getJsonObject("contactToAgent").getDouble("p50"),
                    step.getJsonObject("contactToAgent").getDouble("p99"),
                    step.getJsonObject("floor").getJsonObject("kafka").getDouble("p50"));
        }

        /** Seq breaks count as out of order, as for the exit status. */
        boolean clean() {
            return lost == 0 && duplicated == 0 && outOfOrder == 0 && seqBreaks == 0;
        }
    }

    /** What a request step gave, as Report records it. */
    record RequestStep(int requestsPerSecond, int seconds, long requests, long offered, long noOffer, long failed,
                       Double requestToOfferP99) {

        static RequestStep of(JsonObject step) {
            return new RequestStep(step.getInteger("requestsPerSecond"), step.getInteger("seconds"),
                    step.getLong("requests"), step.getLong("offered"), step.getLong("noOffer"), step.getLong("failed"),
                    step.getJsonObject("requestToOffer").getDouble("p99"));
        }
    }

    static List<Verdict> judge(JsonArray messageSteps, JsonArray requestSteps) {
        List<MessageStep> messages = new ArrayList<>();
        messageSteps.forEach(s -> messages.add(MessageStep.of((JsonObject) s)));
        List<RequestStep> requests = new ArrayList<>();
        requestSteps.forEach(s -> requests.add(RequestStep.of((JsonObject) s)));
        return judge(messages, requests);
    }

    static List<Verdict> judge(List<MessageStep> messageSteps, List<RequestStep> requestSteps) {
        return List.of(messages(messageSteps), routing(requestSteps), lowLoad(messageSteps));
    }

    /** Judged on the highest-rate message step (of several at that rate, the last: the warmest). */
    static Verdict messages(List<MessageStep> steps) {
        String target = String.format(Locale.ROOT, "%,d msg/s offered for >= %d s measured, achieved >= %s %% of "
                        + "offered, contact->agent p99 <= %s ms, nothing lost, duplicated or out of order",
                MESSAGE_RATE, MESSAGE_SECONDS, number(ACHIEVED_SHARE * 100), number(CONTACT_TO_AGENT_P99_MS));
        MessageStep step = last(steps, Comparator.comparingInt(MessageStep::offeredPerSecond));
        if (step == null) {
            return new Verdict(MESSAGES, target, Status.NOT_MEASURED, "no message step", new JsonObject());
        }
        double share = step.offeredPerSecond() == 0 ? 0 : step.achievedPerSecond() / step.offeredPerSecond();
        String figures = String.format(Locale.ROOT, "step %d/s for %d s: achieved %s/s (%s %%), c->a p99 %s ms, "
                        + "lost %d dup %d out-of-order %d seq breaks %d", step.offeredPerSecond(), step.seconds(),
                number(step.achievedPerSecond()), number(share * 100), number(step.contactToAgentP99()),
                step.lost(), step.duplicated(), step.outOfOrder(), step.seqBreaks());
        JsonObject numbers = new JsonObject().put("offeredPerSecond", step.offeredPerSecond())
                .put("seconds", step.seconds()).put("achievedPerSecond", step.achievedPerSecond())
                .put("achievedShare", Math.round(share * 1000) / 1000.0)
                .put("contactToAgentP99Ms", step.contactToAgentP99()).put("lost", step.lost())
                .put("duplicated", step.duplicated()).put("outOfOrder", step.outOfOrder())
                .put("seqBreaks", step.seqBreaks());
        if (step.offeredPerSecond() < MESSAGE_RATE || step.seconds() < MESSAGE_SECONDS) {
            return new Verdict(MESSAGES, target, Status.NOT_MEASURED, "highest " + figures + "; needs a step of >= "
                    + MESSAGE_RATE + "/s for >= " + MESSAGE_SECONDS + " s", numbers);
        }
        List<String> shortOn = new ArrayList<>();
        if (share < ACHIEVED_SHARE) {
            shortOn.add("achieved");
        }
        if (step.contactToAgentP99() == null || step.contactToAgentP99() > CONTACT_TO_AGENT_P99_MS) {
            shortOn.add("c->a p99");
        }
        if (!step.clean()) {
            shortOn.add("lost/dup/out-of-order");
        }
        return verdict(MESSAGES, target, figures, shortOn, numbers);
    }

    /** Judged on the highest request-rate step (of several at that rate, the last: the warmest). */
    static Verdict routing(List<RequestStep> steps) {
        String target = String.format(Locale.ROOT, "%,d requests/s, request->offer p99 <= %s ms, every request "
                + "offered (no offer 0, failed 0)", REQUEST_RATE, number(REQUEST_TO_OFFER_P99_MS));
        RequestStep step = last(steps, Comparator.comparingInt(RequestStep::requestsPerSecond));
        if (step == null) {
            return new Verdict(ROUTING, target, Status.NOT_MEASURED, "no request step", new JsonObject());
        }
        String figures = String.format(Locale.ROOT, "step %d req/s for %d s: offered %d/%d (no offer %d, failed %d), "
                        + "request->offer p99 %s ms", step.requestsPerSecond(), step.seconds(), step.offered(),
                step.requests(), step.noOffer(), step.failed(), number(step.requestToOfferP99()));
        JsonObject numbers = new JsonObject().put("requestsPerSecond", step.requestsPerSecond())
                .put("seconds", step.seconds()).put("requests", step.requests()).put("offered", step.offered())
                .put("noOffer", step.noOffer()).put("failed", step.failed())
                .put("requestToOfferP99Ms", step.requestToOfferP99());
        if (step.requestsPerSecond() < REQUEST_RATE) {
            return new Verdict(ROUTING, target, Status.NOT_MEASURED, "highest " + figures + "; needs a step of >= "
                    + REQUEST_RATE + " req/s", numbers);
        }
        List<String> shortOn = new ArrayList<>();
        if (step.requestToOfferP99() == null || step.requestToOfferP99() > REQUEST_TO_OFFER_P99_MS) {
            shortOn.add("request->offer p99");
        }
        if (step.noOffer() != 0 || step.failed() != 0) {
            shortOn.add("not every request offered");
        }
        return verdict(ROUTING, target, figures, shortOn, numbers);
    }

    /**
     * Judged on the lowest-rate message step (of several at that rate, the last): there the chain should cost little
     * more than its Kafka round trip. Below the floor counts as within.
     */
    static Verdict lowLoad(List<MessageStep> steps) {
        String target = String.format(Locale.ROOT, "at the lowest message rate, contact->agent p50 <= Kafka floor p50 "
                + "+ %s ms", number(LOW_LOAD_ABOVE_FLOOR_MS));
        MessageStep step = last(steps, Comparator.comparingInt(MessageStep::offeredPerSecond).reversed());
        if (step == null) {
            return new Verdict(LOW_LOAD, target, Status.NOT_MEASURED, "no message step", new JsonObject());
        }
        Double c2a = step.contactToAgentP50();
        Double floor = step.kafkaFloorP50();
        Double difference = c2a == null || floor == null ? null : Math.round((c2a - floor) * 100) / 100.0;
        String figures = String.format(Locale.ROOT, "lowest step %d/s: c->a p50 %s ms, Kafka floor p50 %s ms, "
                + "difference %s ms", step.offeredPerSecond(), number(c2a), number(floor), number(difference));
        JsonObject numbers = new JsonObject().put("offeredPerSecond", step.offeredPerSecond())
                .put("contactToAgentP50Ms", c2a).put("kafkaFloorP50Ms", floor).put("differenceMs", difference);
        if (floor == null) {
            return new Verdict(LOW_LOAD, target, Status.NOT_MEASURED, figures + "; no Kafka floor measured", numbers);
        }
        List<String> shortOn = difference == null || difference > LOW_LOAD_ABOVE_FLOOR_MS
                ? List.of("difference") : List.of();
        return verdict(LOW_LOAD, target, figures, shortOn, numbers);
    }

    /** The greatest step by {@code order}; of equal ones the last (the warmest). Null when there is none. */
    private static <T> T last(List<T> steps, Comparator<T> order) {
        return steps.stream().reduce((a, b) -> order.compare(b, a) >= 0 ? b : a).orElse(null);
    }

    private static Verdict verdict(String name, String target, String figures, List<String> shortOn,
                                   JsonObject numbers) {
        return shortOn.isEmpty() ? new Verdict(name, target, Status.MET, figures, numbers)
                : new Verdict(name, target, Status.MISSED, figures + "; missed on " + String.join(", ", shortOn),
                numbers);
    }

    /** A figure as printed: one decimal at most, "none" when nothing was measured. */
    static String number(Double value) {
        if (value == null) {
            return "none";
        }
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
    }
}
