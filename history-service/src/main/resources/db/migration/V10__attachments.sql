-- A file posted in a chat (chat.message of kind FILE): its id, type and size beside its name (the message's text),
-- so that the interaction lists its files. The bytes stay in session-service.
alter table interaction_message add column attachment_id uuid;
alter table interaction_message add column attachment_type varchar(100);
alter table interaction_message add column attachment_size bigint;
