-- Which agents have a desktop (agent socket) connected, across every session-service instance
-- (docs/session-service.md "Desktop presence"). An agent counts as connected while any live instance holds a socket
-- of theirs; an instance is live while it refreshes its heartbeat. (V18: clear of the numbers others use.)

-- The agent's presence as last published on agent.presence; its row is the lock that orders one agent's changes.
create table agent_presence (
    agent_id   varchar(100) primary key,
    connected  boolean      not null,
    version    bigint       not null,
    changed_at timestamptz  not null
);

-- How many sockets of the agent each instance holds (rows with 0 are deleted).
create table agent_socket_holder (
    agent_id    varchar(100) not null,
    instance_id varchar(200) not null,
    sockets     integer      not null check (sockets > 0),
    primary key (agent_id, instance_id)
);
create index agent_socket_holder_by_instance on agent_socket_holder (instance_id);

-- One row per running instance, refreshed every heartbeat interval (database time); a row older than the instance
-- timeout is a dead instance: the first live one to claim it lets go of its sockets.
create table session_instance (
    instance_id  varchar(200) primary key,
    heartbeat_at timestamptz  not null
);
