-- Shared by every service (service-kit). A service's own migrations start at V2.

-- Transactional outbox: events are written here in the same transaction as the state change that causes them,
-- then relayed to Kafka in seq order and marked published only after the broker's acknowledgement.
create table outbox_event (
    seq            bigserial primary key,
    id             uuid        not null unique,
    topic          varchar(255) not null,
    record_key     varchar(255),
    event_type     varchar(255) not null,
    payload        text        not null,
    created_at     timestamptz not null,
    published_at   timestamptz
);
create index outbox_event_pending on outbox_event (seq) where published_at is null;

-- Idempotent consumption: an event id is recorded in the same transaction as its effect, so a redelivery
-- finds it here and changes nothing.
create table processed_event (
    consumer     varchar(255) not null,
    event_id     uuid         not null,
    processed_at timestamptz  not null,
    primary key (consumer, event_id)
);

-- Wakes the relays of every replica as soon as a transaction with new events commits (NOTIFY is delivered at
-- commit, once per transaction and channel); the relay's poll stays as a safety net.
create function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox_event', '');
    return null;
end $$;
create trigger outbox_event_inserted after insert on outbox_event
    for each statement execute function outbox_event_notify();
