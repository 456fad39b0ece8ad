-- routing-service: queues, agents, the requests waiting to be routed, offers and the chats agents hold.
-- Correctness with several replicas rests on row locks (FOR UPDATE [SKIP LOCKED]) and the unique indexes below,
-- never on in-memory state.

create table routing_queue (
    name                  varchar(64)  primary key,
    required_skills       text         not null,  -- JSON array of skill names
    priority              integer      not null,
    max_wait_seconds      integer      not null check (max_wait_seconds >= 1),
    overflow_queue        varchar(64),
    offer_timeout_seconds integer      not null check (offer_timeout_seconds >= 1)
);

create table agent (
    id           varchar(64)  primary key,
    name         varchar(200) not null,
    skills       text         not null,  -- JSON object: skill -> level
    capacity     integer      not null check (capacity >= 1),
    role         varchar(16)  not null,
    state        varchar(20)  not null,
    state_reason varchar(200),
    state_since  timestamptz  not null,
    idle_since   timestamptz  not null,
    -- open offers + chats held. Every change updates this row, so a concurrent FOR UPDATE re-checks it.
    workload     integer      not null default 0 check (workload >= 0)
);
create index agent_ready on agent (idle_since) where state = 'READY';

-- A chat (or a transfer / conference invitation) waiting for an agent, and what became of it.
create table routing_request (
    id               uuid         primary key,
    chat_id          varchar(64)  not null,
    kind             varchar(16)  not null,
    status           varchar(16)  not null,
    queue            varchar(64),
    target_agent_id  varchar(64),
    request_id       varchar(64),
    requested_by     varchar(64),
    waiting_since    timestamptz  not null,
    queue_entered_at timestamptz  not null,
    deadline         timestamptz  not null,
    visited_queues   text         not null,
    last_position    integer,
    outcome          varchar(16),
    answered_at      timestamptz,
    finished_at      timestamptz
);
-- A redelivered chat.requested finds its chat here and adds nothing.
create unique index routing_request_one_per_chat on routing_request (chat_id) where kind = 'CHAT';
-- At most one thing routed for a chat at a time.
create unique index routing_request_one_open_per_chat on routing_request (chat_id) where status <> 'DONE';
create unique index routing_request_by_request_id on routing_request (request_id) where request_id is not null;
create index routing_request_waiting on routing_request (queue, waiting_since) where status = 'WAITING';
create index routing_request_deadline on routing_request (deadline) where status = 'WAITING';
create index routing_request_finished on routing_request (queue, finished_at);

create table offer (
    id                 uuid        primary key,
    routing_request_id uuid        not null references routing_request (id),
    chat_id            varchar(64) not null,
    agent_id           varchar(64) not null references agent (id),
    kind               varchar(16) not null,
    queue              varchar(64),
    status             varchar(16) not null,
    offered_at         timestamptz not null,
    expires_at         timestamptz not null,
    answered_at        timestamptz
);
-- Never two agents offered one chat at once.
create unique index offer_one_open_per_chat on offer (chat_id) where status = 'OPEN';
create index offer_expiry on offer (expires_at) where status = 'OPEN';
create index offer_by_request on offer (routing_request_id, agent_id);
create index offer_by_queue on offer (queue, offered_at);

-- A chat an agent holds, from acceptance to Mark Done (or leaving a conference, or transferring it away).
create table assignment (
    id          bigserial   primary key,
    chat_id     varchar(64) not null,
    agent_id    varchar(64) not null references agent (id),
    kind        varchar(16) not null,
    accepted_at timestamptz not null,
    released_at timestamptz
);
create unique index assignment_one_open on assignment (chat_id, agent_id) where released_at is null;

-- chat.ended may overtake chat.requested (different topics): remember ended chats so they are never queued.
create table ended_chat (
    chat_id  varchar(64) primary key,
    reason   varchar(32) not null,
    ended_at timestamptz not null
);

-- Jobs that must run once per period across all replicas claim the period here.
create table job_lease (
    name     varchar(64) primary key,
    last_run timestamptz not null
);
insert into job_lease (name, last_run) values ('routing-stats', '-infinity');
