-- The widget's id for one message form submission, so that sending it again (a lost answer, a double click) stores
-- and publishes nothing new (docs/api.md, "Messages left"). Null for clients that send none.
alter table offline_message add column client_message_id varchar(64);
create unique index offline_message_client_message_id on offline_message (client_message_id)
    where client_message_id is not null;
