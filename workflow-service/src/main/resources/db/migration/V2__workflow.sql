-- Workflow queues. A queue taken out of the strategy is retired, not deleted, so that finished items keep their
-- queue; it can come back under the same name.
create table workflow_queue (
    name            varchar(64)  primary key,
    description     varchar(500) not null,
    max_age_seconds bigint       not null check (max_age_seconds > 0),
    position        int          not null,
    retired         boolean      not null default false
);

-- The one strategy row: whether a workflow applies and the rules (JSON, validated against workflow_queue on
-- every change, which replaces the whole document).
create table workflow_strategy (
    id             smallint     primary key check (id = 1),
    enabled        boolean      not null,
    rules          text         not null,
    default_queues text         not null,
    updated_at     timestamptz  not null,
    updated_by     varchar(255) not null
);

-- What workers see about an interaction, built from chat.requested and chat.completed in whatever order they come.
create table interaction_summary (
    chat_id          varchar(255) primary key,
    contact_name     varchar(255),
    email            varchar(320),
    origin_queue     varchar(255),
    subject          varchar(500),
    agent_id         varchar(255),
    disposition_code varchar(255),
    notes            text,
    updated_at       timestamptz  not null
);

-- One row per finished interaction that entered the workflow: parked (WAITING, CLAIMED, COMPLETED) or STOPPED.
-- The unique chat id is what keeps an interaction from being parked twice.
create table workflow_item (
    id               uuid         primary key,
    chat_id          varchar(255) not null unique,
    state            varchar(16)  not null check (state in ('WAITING', 'CLAIMED', 'COMPLETED', 'STOPPED')),
    queue            varchar(64)  references workflow_queue (name),
    decided_by       varchar(255),
    decided_at       timestamptz  not null,
    entered_queue_at timestamptz,
    claimed_by       varchar(255),
    claimed_at       timestamptz,
    overdue_at       timestamptz,
    outcome          varchar(1000),
    completed_by     varchar(255),
    completed_at     timestamptz,
    check ((state = 'STOPPED') = (queue is null)),
    check ((state = 'CLAIMED') = (claimed_by is not null))
);
create index workflow_item_open on workflow_item (queue, entered_queue_at, id) where state in ('WAITING', 'CLAIMED');
create index workflow_item_not_overdue on workflow_item (entered_queue_at)
    where state in ('WAITING', 'CLAIMED') and overdue_at is null;
