-- What the queue's attached-data rules (switchboard.routing.data-rules) made of a request when it was queued:
-- priority added to its queue's, and skills an agent needs on top of the queue's.
alter table routing_request add column priority_boost integer not null default 0;
alter table routing_request add column extra_skills text not null default '[]';
