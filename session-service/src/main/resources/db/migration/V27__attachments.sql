-- Files participants upload into a chat. The bytes live in the file store (a shared directory by default), never in
-- the database or the event stream; this row says which chat the file belongs to and where the store keeps it.
create table attachment (
    id           uuid          primary key,
    chat_id      varchar(64)   not null references chat (id),
    store_key    varchar(200)  not null,
    file_name    varchar(255)  not null,
    content_type varchar(100)  not null,
    size_bytes   bigint        not null,
    uploaded_by  varchar(100)  not null,
    uploaded_at  timestamptz   not null
);
create index attachment_chat on attachment (chat_id);

-- A FILE message carries its file's id, name, type and size, so that timeline reads need no join.
alter table timeline_item add column attachment_id uuid references attachment (id);
alter table timeline_item add column attachment_name varchar(255);
alter table timeline_item add column attachment_type varchar(100);
alter table timeline_item add column attachment_size bigint;
create unique index timeline_item_attachment on timeline_item (attachment_id) where attachment_id is not null;
