-- The trace context of the span that asked for the transcript (Mark Done's chat.completed, transcript.requested or
-- a resend), so that the mail, sent later by the scheduled sender, continues the chat's trace. Null when nothing was
-- traced. Nullable columns: nothing is rewritten.
alter table transcript_request
    add column trace_parent varchar(55),
    add column trace_state  varchar(512);
