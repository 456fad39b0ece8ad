-- Business hours of a queue (docs/routing-service.md, "Business hours"). No row: always open. The row outlives its
-- queue and a clearing (time_zone null) so that the version published on queue.hours only ever grows.
create table queue_hours (
    queue       varchar(64)  primary key,
    time_zone   varchar(64),                 -- IANA zone; null: no hours, always open
    weekly      text         not null,       -- JSON array of {day, start, end}
    holidays    text         not null,       -- JSON array of local dates
    version     bigint       not null,
    changed_at  timestamptz  not null,
    changed_by  varchar(64)
);
