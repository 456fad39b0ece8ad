-- Supervision: whispers are messages for the chat's staff only (chat.message whisper: true), kept and marked as such;
-- monitoring starts and stops (chat.monitoring) are rows of interaction_activity.
alter table interaction_message add column whisper boolean not null default false;
