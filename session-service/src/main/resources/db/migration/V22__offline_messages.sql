-- Messages contacts left instead of chatting (POST /api/offline-messages), published as contact.message.left.
create table offline_message (
    id               varchar(64)   primary key,
    contact_id       varchar(255)  not null,
    contact_name     varchar(200)  not null,
    email            varchar(320)  not null,
    queue            varchar(100)  not null,
    language         varchar(35)   not null,
    text             text          not null,
    contact_verified boolean       not null,
    data             text,                      -- attached data, a JSON object; null when none
    left_at          timestamptz   not null
);
