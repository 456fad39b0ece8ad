-- The business hours of each queue as routing-service last published them (queue.hours), to refuse chat requests
-- while a queue is closed. No row: always open.
create table queue_hours (
    queue    varchar(64)  primary key,
    hours    text         not null,  -- the queue.hours event's data (JSON)
    version  bigint       not null
);
