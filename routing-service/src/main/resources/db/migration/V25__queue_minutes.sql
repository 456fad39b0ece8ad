-- One sample per queue and minute for the supervisors' chart of the last hour (docs/routing-service.md, "Live board").
-- Written by the replica that claims each stats period, so every replica's board draws the same chart; rows older
-- than the chart's window are deleted by the same job.
create table queue_minute (
    queue                varchar(64)  not null,
    minute               timestamptz  not null,
    waiting_peak         integer      not null,  -- the most chats waiting at one sample of that minute
    longest_wait_peak    bigint       not null,  -- seconds
    service_level        double precision,       -- the last sample's (0..1); null: nothing answered or abandoned
    agents_ready         integer      not null,  -- the last sample's
    primary key (queue, minute)
);
