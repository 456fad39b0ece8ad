package io.switchboard.system.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.stack.MailEndpoint;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What is checked after the load has drained: messages (acked → delivered once, in order), chats (done, in
 * history), transcripts (mailed exactly once when the box was checked, never otherwise), routing (every agent's load
 * back to 0) and the dead-letter topics of the run (empty).
 */
final class Checks {

    private static final Duration SETTLE = Duration.ofMinutes(3);
    private static final Duration POLL = Duration.ofSeconds(2);

    private final Ledger ledger;
    private final Api api;
    private final String supervisorToken;
    private final MailEndpoint mail;
    private final String kafkaBootstrapServers;
    private final String topicPrefix;
    private final Figures figures = new Figures();

    Checks(Ledger ledger, Api api, String supervisorToken, MailEndpoint mail, String kafkaBootstrapServers,
           String topicPrefix) {
        this.ledger = ledger;
        this.api = api;
        this.supervisorToken = supervisorToken;
        this.mail = mail;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.topicPrefix = topicPrefix;
    }

    Figures run() {
        List<ChatRecord> scripted = ledger.chats.values().stream().filter(c -> c.scripted).toList();
        List<ChatRecord> done = scripted.stream().filter(c -> c.done).toList();
        messages(scripted);
        chats(scripted, done);
        history(done);
        transcripts(done);
        routing();
        deadLetters();
        return figures;
    }

    private void messages(List<ChatRecord> chats) {
        long acked = 0;
        long delivered = 0;
        long lost = 0;
        long duplicated = 0;
        long reordered = 0;
        for (ChatRecord chat : chats) {
            for (ChatRecord.Side sender : ChatRecord.Side.values()) {
                ChatRecord.Side receiver = sender == ChatRecord.Side.AGENT ? ChatRecord.Side.CONTACT
                        : ChatRecord.Side.AGENT;
                List<String> sent = chat.acked(sender);
                List<String> arrived = chat.received(receiver);
                acked += sent.size();
                Map<String, Integer> times = new HashMap<>();
                arrived.forEach(id -> times.merge(id, 1, Integer::sum));
                for (String id : sent) {
                    int n = times.getOrDefault(id, 0);
                    if (n == 0) {
                        lost++;
                        ledger.example("acked but never delivered: " + chat.chatId + "/" + id);
                    } else {
                        delivered++;
                    }
                    if (n > 1) {
                        duplicated++;
                        ledger.example("delivered " + n + " times: " + chat.chatId + "/" + id);
                    }
                }
                reordered += outOfOrder(sent, arrived, chat.chatId);
            }
        }
        figures.put("messages sent", ledger.sent.get());
        figures.put("messages resent (same clientMessageId)", ledger.resent.get());
        figures.put("messages acked", acked);
        figures.put("messages refused for good", ledger.rejected.size());
        figures.put("acked messages delivered to the other side", delivered);
        figures.put("acked messages lost", lost);
        figures.put("messages delivered more than once", duplicated);
        figures.put("messages delivered out of order", reordered);
        figures.put("timeline items duplicated, out of order or after a gap", ledger.itemAnomalies.get());
        figures.put("socket reconnections", ledger.reconnects.get());
        expectZero("acked messages lost", lost);
        expectZero("messages delivered more than once", duplicated);
        expectZero("messages delivered out of order", reordered);
        expectZero("timeline anomalies", ledger.itemAnomalies.get());
        if (!ledger.rejected.isEmpty()) {
            figures.problem("messages refused for good: " + ledger.rejected);
        }
        if (acked + ledger.rejected.size() != ledger.sent.get()) {
            figures.problem((ledger.sent.get() - acked - ledger.rejected.size()) + " message(s) never acked");
        }
    }

    /** Messages of the sender that arrived after a message the sender had sent later. */
    private long outOfOrder(List<String> sentInOrder, List<String> arrived, String chatId) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < sentInOrder.size(); i++) {
            position.put(sentInOrder.get(i), i);
        }
        Set<String> seen = new HashSet<>();
        int highest = -1;
        long late = 0;
        for (String id : arrived) {
            Integer at = position.get(id);
            if (at == null || !seen.add(id)) {
                continue;
            }
            if (at < highest) {
                late++;
                ledger.example("out of order: " + chatId + "/" + id);
            }
            highest = Math.max(highest, at);
        }
        return late;
    }

    private void chats(List<ChatRecord> scripted, List<ChatRecord> done) {
        figures.put("chats requested", scripted.size());
        figures.put("chats completed (Mark Done)", done.size());
        figures.put("chats created twice by a retried request (closed by the agents)",
                ledger.chats.values().stream().filter(c -> !c.scripted).count());
        for (ChatRecord chat : scripted) {
            if (!chat.done) {
                figures.problem("chat " + chat.chatId + " stuck: " + chat.failure);
            }
        }
    }

    private void history(List<ChatRecord> done) {
        Set<String> waiting = done.stream().map(c -> c.chatId).collect(Collectors.toCollection(HashSet::new));
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            waiting.removeIf(chatId -> {
                Api.Reply reply = api.get("/api/history/interactions/" + chatId, supervisorToken, Duration.ZERO);
                return reply.status() == 200 && "DONE".equals(reply.json().path("state").asText());
            });
            if (!waiting.isEmpty()) {
                Pause.of(POLL);
            }
        }
        figures.put("Mark Done in history (state DONE)", done.size() - waiting.size());
        waiting.forEach(chatId -> figures.problem("chat " + chatId + " is done but not DONE in history"));
    }

    private void transcripts(List<ChatRecord> done) {
        List<ChatRecord> boxed = done.stream().filter(c -> c.sendTranscript).toList();
        Map<String, Integer> mails = new HashMap<>();
        long deadline = System.nanoTime() + SETTLE.toNanos();
        do {
            for (ChatRecord chat : boxed) {
                if (mails.getOrDefault(chat.chatId, 0) == 0) {
                    mails.put(chat.chatId, mailsAbout(chat));
                }
            }
            if (mails.values().stream().allMatch(n -> n > 0)) {
                break;
            }
            Pause.of(POLL);
        } while (System.nanoTime() < deadline);
        Pause.of(POLL); // a late second copy would show now
        long once = 0;
        long missing = 0;
        long twice = 0;
        for (ChatRecord chat : boxed) {
            int n = mailsAbout(chat);
            if (n == 1) {
                once++;
            } else if (n == 0) {
                missing++;
                figures.problem("transcript of " + chat.chatId + " not mailed to " + chat.contactEmail);
            } else {
                twice++;
                figures.problem("transcript of " + chat.chatId + " mailed " + n + " times");
            }
        }
        long unasked = done.stream().filter(c -> !c.sendTranscript).filter(c -> mailsAbout(c) > 0).count();
        figures.put("transcripts asked for (box checked)", boxed.size());
        figures.put("transcripts mailed exactly once", once);
        figures.put("transcripts not mailed", missing);
        figures.put("transcripts mailed more than once", twice);
        figures.put("transcripts mailed without the box", unasked);
        expectZero("transcripts mailed without the box", unasked);
    }

    /** Transcript mails in the contact's mailbox; each chat has its own contact address. */
    private int mailsAbout(ChatRecord chat) {
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "5000");
        try {
            Store store = Session.getInstance(props).getStore("imap");
            store.connect(mail.host(), mail.imapPort(), chat.contactEmail, chat.contactEmail);
            try {
                Folder inbox = store.getFolder("INBOX");
                if (!inbox.exists()) {
                    return 0;
                }
                inbox.open(Folder.READ_ONLY);
                try {
                    int n = 0;
                    for (Message message : inbox.getMessages()) {
                        String[] id = message.getHeader("Message-ID");
                        if (id != null && id.length > 0 && id[0].contains(chat.chatId)) {
                            n++;
                        }
                    }
                    return n;
                } finally {
                    inbox.close(false);
                }
            } finally {
                store.close();
            }
        } catch (MessagingException e) {
            return 0;
        }
    }

    private void routing() {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        long load;
        do {
            load = 0;
            Api.Reply agents = api.get("/api/routing/agents", supervisorToken, Duration.ofSeconds(30))
                    .expectOk("agents");
            for (JsonNode agent : agents.json()) {
                load += agent.path("load").asLong();
            }
            if (load == 0) {
                break;
            }
            Pause.of(POLL);
        } while (System.nanoTime() < deadline);
        figures.put("agents' load after the run", load);
        expectZero("agents' load after the run (chats held or offered)", load);
    }

    private void deadLetters() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "fault-check-" + UUID.randomUUID());
        long records = 0;
        try (Admin admin = Admin.create(props);
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                     new ByteArrayDeserializer())) {
            Collection<String> dlq = admin.listTopics().names().get().stream()
                    .filter(t -> t.startsWith(topicPrefix + "dlq.")).toList();
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : dlq) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            for (Map.Entry<TopicPartition, Long> end : consumer.endOffsets(partitions).entrySet()) {
                long n = end.getValue() - begin.get(end.getKey());
                records += n;
                if (n > 0) {
                    figures.problem(n + " record(s) in " + end.getKey().topic());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot list the topics", e);
        }
        figures.put("records in dead-letter topics", records);
    }

    private void expectZero(String what, long value) {
        if (value != 0) {
            figures.problem(what + ": " + value);
        }
    }
}
