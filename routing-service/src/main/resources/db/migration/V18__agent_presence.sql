-- Desktop presence from agent.presence (session-service): routing offers chats only to agents with a desktop
-- connected; an agent whose last desktop closed keeps its state for a grace period, then goes NOT_READY
-- "disconnected" and their open offers go back to the queue. (V18: clear of the numbers others use.)
alter table agent add column desktop_connected boolean not null default false;
-- The version of the last agent.presence applied: an older one arriving late changes nothing.
alter table agent add column presence_version bigint not null default 0;
-- When the last desktop closed, while its grace runs; cleared once the agent was set NOT_READY or reconnected.
alter table agent add column desktop_lost_at timestamptz;
create index agent_desktop_lost on agent (desktop_lost_at) where desktop_lost_at is not null;
