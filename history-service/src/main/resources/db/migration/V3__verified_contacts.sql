-- Only a contact the company's site vouched for is one person across chats (chat.requested contactVerified);
-- agents see the earlier interactions of such contacts only.
alter table interaction add column contact_verified boolean not null default false;
