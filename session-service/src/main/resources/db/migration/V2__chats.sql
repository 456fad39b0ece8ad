-- One chat (interaction) from request to Mark Done, with its wrap-up.
create table chat (
    id                varchar(64)  primary key,
    state             varchar(16)  not null,
    contact_id        varchar(64)  not null,
    contact_name      varchar(200) not null,
    contact_email     varchar(320) not null,
    -- E.164 numbers, comma separated (E.164 never contains a comma)
    phone_numbers     varchar(1000) not null default '',
    queue             varchar(100) not null,
    subject           varchar(500),
    language          varchar(35)  not null,
    owner_agent_id    varchar(100),
    -- last position of the timeline; the next item takes last_seq + 1 under this row's lock
    last_seq          bigint       not null default 0,
    requested_at      timestamptz  not null,
    ended_at          timestamptz,
    end_reason        varchar(32),
    notes             text,
    send_transcript   boolean      not null default false,
    disposition_code  varchar(64),
    workflow_decision varchar(16),
    workflow_queue    varchar(100),
    done_at           timestamptz
);
create index chat_owner_open on chat (owner_agent_id) where state in ('ACTIVE', 'ENDED');

create table chat_participant (
    id             bigserial    primary key,
    chat_id        varchar(64)  not null references chat (id),
    participant_id varchar(100) not null,
    name           varchar(200) not null,
    role           varchar(16)  not null,
    joined_at      timestamptz  not null,
    left_at        timestamptz,
    -- the timeline position of the leave notice: live delivery to this participant stops there
    left_seq       bigint,
    unique (chat_id, participant_id)
);
create index chat_participant_by_participant on chat_participant (participant_id);

-- Messages and notices share one gap-free sequence per chat.
create table timeline_item (
    id                bigserial    primary key,
    chat_id           varchar(64)  not null references chat (id),
    seq               bigint       not null,
    kind              varchar(16)  not null,
    at                timestamptz  not null,
    -- messages
    message_id        uuid,
    client_message_id varchar(100),
    author_id         varchar(100),
    author_name       varchar(200),
    author_role       varchar(16),
    message_kind      varchar(32),
    text              text,
    url               varchar(2048),
    phone_numbers     varchar(1000),
    -- notices
    notice            varchar(16),
    participant_id    varchar(100),
    unique (chat_id, seq),
    -- re-sending with the same client message id is answered with the stored message
    unique (chat_id, author_id, client_message_id)
);

-- The library of standard responses; texts is a JSON object {language: text}.
create table standard_response (
    id         uuid         primary key,
    category   varchar(100) not null,
    title      varchar(200) not null,
    texts      text         not null,
    updated_at timestamptz  not null
);
create index standard_response_category on standard_response (category);

insert into standard_response (id, category, title, texts, updated_at) values
 ('6f1c1a52-0b7e-4a57-9a43-3d2c1e0a0001', 'Greetings', 'Welcome',
  '{"en":"Hello {contact.name}, my name is {agent.name}. How can I help you today?","fr":"Bonjour {contact.name}, je m''appelle {agent.name}. Comment puis-je vous aider ?"}', now()),
 ('6f1c1a52-0b7e-4a57-9a43-3d2c1e0a0002', 'Greetings', 'One moment',
  '{"en":"Thank you {contact.name}, one moment while I check this for you.","fr":"Merci {contact.name}, un instant, je vérifie pour vous."}', now()),
 ('6f1c1a52-0b7e-4a57-9a43-3d2c1e0a0003', 'Closing', 'Goodbye',
  '{"en":"Thank you for contacting us, {contact.name}. Have a nice day!","fr":"Merci de nous avoir contactés, {contact.name}. Bonne journée !"}', now());
