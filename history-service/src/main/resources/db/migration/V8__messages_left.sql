-- A message a contact left (contact.message.left) is an interaction of its own: kind MESSAGE. Null: a chat.
alter table interaction add column kind varchar(16);
