package io.switchboard.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventSchemaTest {

    private static final Path PUBLISHED = Path.of("..", "docs", "events.schema.json");

    /** Docs and code cannot drift: regenerate with -Dswitchboard.schema.write=true after changing a record. */
    @Test
    void publishedSchemaMatchesTheRecords() throws Exception {
        String generated = EventSchemaGenerator.pretty(EventSchemaGenerator.generate());
        if (Boolean.getBoolean("switchboard.schema.write")) {
            Files.writeString(PUBLISHED, generated);
        }
        assertThat(Files.readString(PUBLISHED))
                .as("docs/events.schema.json is out of date; run mvn -pl event-contracts test -Dswitchboard.schema.write=true")
                .isEqualTo(generated);
    }

    @Test
    void theAnalystsGuideListsEveryTopic() throws Exception {
        String guide = Files.readString(Path.of("..", "docs", "events.md"));
        for (EventType type : EventType.values()) {
            assertThat(guide).as("docs/events.md documents " + type.topic()).contains("| `" + type.topic() + "` |");
        }
    }

    @Test
    void everyKindOfEventMatchesTheSchema() {
        Instant now = Instant.parse("2026-11-25T10:15:30Z");
        List<SwitchboardEvent> samples = List.of(
                new ChatRequested("c1", "k1", "Ann", "ann@example.com", List.of("+33612345678"), "sales", "Order",
                        "fr", now),
                new ChatRouted("c1", RoutingOutcome.OFFERED, "sales", "o1", "agent1", "Bob", OfferKind.CHAT,
                        now, null, null, null, null, null, now),
                new ChatRouted("c1", RoutingOutcome.OFFERED, "sales", "o1", "agent1", "Bob", OfferKind.CHAT,
                        now, null, null, null, null, "idle longest of 2: 42 s idle, skill 5, load 0/3", now,
                        List.of(new RoutingCandidate("agent1", 42, 5, 0, 3, true),
                                new RoutingCandidate("agent2", 7, 3, 1, 3, false))),
                new ChatMessage("c1", 3, UUID.randomUUID(), "m-1", "agent1", "Bob", ParticipantRole.AGENT,
                        MessageKind.TEXT, "Hello <b>Ann</b>", null, List.of(), now),
                new ChatMessage("c1", 4, UUID.randomUUID(), "w-1", "sup1", "Sam", ParticipantRole.SUPERVISOR,
                        MessageKind.TEXT, "Offer the refund", null, List.of(), now, true),
                new ChatMessage("c1", 5, UUID.randomUUID(), "f-1", "contact:c1", "Ann", ParticipantRole.CONTACT,
                        MessageKind.FILE, "receipt.png", null, List.of(), now, null,
                        new ChatMessage.Attachment(UUID.randomUUID(), "receipt.png", "image/png", 48213)),
                new ChatMonitoring("c1", "sup1", "Sam", true, now),
                new ReceiptUpdated("c1", "contact:c1", ParticipantRole.CONTACT, "Ann", 7, 5, now),
                new ChatEnded("c1", 9, EndReason.AGENT_FINISHED, "agent1", now),
                new ChatCompleted("c1", "agent1", "notes", "SALE", true, WorkflowDecision.PARK, "follow-up", now),
                new ChatCompleted("c1", "agent1", null, null, false, WorkflowDecision.NONE, null, now,
                        Map.of("orderNumber", "A-1001", "tier", "gold")),
                new ChatRequested("c1", "k1", "Ann", "ann@example.com", List.of(), "sales", "Order", "en", now,
                        false, Map.of("orderNumber", "A-1001", "vip", true, "basket", 129.5)),
                new ChatDataChanged("c1", Map.of("orderNumber", "A-1002", "vip", true),
                        List.of(new ChatDataChanged.Change("orderNumber", "A-1002", "A-1001"),
                                new ChatDataChanged.Change("vip", true, null),
                                new ChatDataChanged.Change("basket", null, 129.5)),
                        "agent1", DataOrigin.AGENT, now),
                new SurveyAnswered("c1", "sales", List.of("agent1", "agent2"), 4, "Quick and friendly", now),
                new SurveyAnswered("c1", "sales", List.of(), 1, null, now),
                new QueueStats("sales", 2, 40, 1, 2, 0, 10, 8, 1, 0.9, 900, now),
                new QueueHours("sales", "Europe/Paris", List.of(new OpeningInterval(DayOfWeek.MONDAY, "09:00",
                        "12:30"), new OpeningInterval(DayOfWeek.MONDAY, "14:00", "24:00")), List.of("2026-12-25"),
                        3, now),
                new QueueHours("sales", null, List.of(), List.of(), 4, now),
                new MessageLeft("m1", "k1", "Ann", "ann@example.com", "sales", "en", "Please call me back", false,
                        Map.of("orderNumber", "A-1001"), now),
                new MessageLeft("m1", "k1", "Ann", "ann@example.com", "sales", "fr", "Rappelez-moi", true, null, now));
        for (SwitchboardEvent sample : samples) {
            String json = Events.write(Events.envelope(sample, "test"));
            assertThat(EventSchema.violations(json)).as(json).isEmpty();
            assertThat(Events.read(json).payload()).isEqualTo(sample);
        }
        WorkflowItemEvent parked = new WorkflowItemEvent("c1", "i1", "follow-up", null, "agent1", null, now);
        assertThat(EventSchema.violations(Events.write(Events.envelope(parked, EventType.WORKFLOW_QUEUED, "t"))))
                .isEmpty();
    }

    @Test
    void recordsThatBreakTheContractAreReported() {
        String json = Events.write(Events.envelope(new ChatEnded("c1", 9, EndReason.AGENT_FINISHED, "a", Instant.now()),
                "test"));
        String wrongField = json.replace("\"reason\":\"AGENT_FINISHED\"", "\"reason\":\"BORED\"");
        assertThat(EventSchema.violations(wrongField)).isNotEmpty();
        assertThat(EventSchema.violations("{\"type\":\"chat.ended\"}")).isNotEmpty();
        assertThat(EventSchema.violations("not json")).isNotEmpty();
    }

    @Test
    void readRejectsUnknownTypesAndVersions() {
        String json = Events.write(Events.envelope(new ChatEnded("c1", 9, EndReason.AGENT_FINISHED, "a", Instant.now()),
                "test"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Events.read(json.replace("\"version\":1", "\"version\":7")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("unsupported version");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Events.read(json.replace("chat.ended", "chat.bored")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("unknown event type");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Events.read("{oops"))
                .isInstanceOf(InvalidEventException.class);
    }
}
