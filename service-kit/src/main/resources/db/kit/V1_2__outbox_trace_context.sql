-- Trace context of each outbox row (service-kit): the W3C traceparent/tracestate of the span that wrote the event,
-- so that the relay can put them on the Kafka record and a consumer continues the same trace. Null when tracing is
-- off or nothing was traced. Version 1.2 sorts before every service's V2; databases that already have V2.. get it
-- out of order (quarkus.flyway.out-of-order=true), like V1_1. Adding nullable columns rewrites nothing.
alter table outbox_event
    add column trace_parent varchar(55),
    add column trace_state  varchar(512);
