-- The trace context of the span that queued the request (consuming chat.requested, a transfer or a conference
-- request), so that an offer made later by the background routing round continues the chat's trace instead of
-- starting from nothing. Null when nothing was traced. Nullable columns: nothing is rewritten.
alter table routing_request
    add column trace_parent varchar(55),
    add column trace_state  varchar(512);
