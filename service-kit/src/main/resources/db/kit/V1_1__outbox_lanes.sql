-- Relay lanes, parking and one wake-up path (service-kit). Version 1.1 sorts before every service's V2, so a fresh
-- database gets it right after V1; a database that already has V2.. applied gets it through Flyway's out-of-order
-- mode (quarkus.flyway.out-of-order=true in the kit defaults). It depends on nothing of the services' schema.

-- A stable, non-negative hash of the record key (the chat id): the lane of a row is key_hash % lanes, worked out by
-- the relay with the configured number of lanes. Computed by PostgreSQL, so rows already waiting get it too and
-- inserts need not know about lanes. hashtext is immutable (stable within a PostgreSQL major version, which is all
-- a pending row needs).
alter table outbox_event
    add column key_hash   integer generated always as (hashtext(coalesce(record_key, '')) & 2147483647) stored,
    add column attempts   integer not null default 0,
    add column last_error text,
    add column parked_at  timestamptz;

-- The relay reads only rows that wait: neither published nor parked. Partial, so it stays as small as the backlog;
-- key_hash rides along so a lane finds its rows (and a wake-up the lanes with work) without reading the table.
drop index outbox_event_pending;
create index outbox_event_pending on outbox_event (seq) include (key_hash)
    where published_at is null and parked_at is null;
-- Operators look for parked rows (docs/outbox.md).
create index outbox_event_parked on outbox_event (parked_at) where parked_at is not null;

-- One lease per lane: the relay that owns it (until expires_at, renewed while it works) is the only one that
-- publishes the lane's rows. fence grows at every change of owner, and every write of the owner checks it.
create table outbox_lane (
    lane       integer primary key,
    owner      varchar(64),
    fence      bigint not null default 0,
    expires_at timestamptz
);

-- Relays alive (renewed every poll), so that each takes its share of the lanes.
create table outbox_relay (
    owner      varchar(64) primary key,
    expires_at timestamptz not null
);

-- NOTIFY is now the one wake-up path (the in-process kick is gone): it reaches the relays of every replica, which
-- matters since the lane of a new row may be owned by another replica. Unchanged from V1, restated for clarity.
create or replace function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox_event', '');
    return null;
end $$;
