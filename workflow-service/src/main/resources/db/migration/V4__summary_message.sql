-- The text of a message a contact left (contact.message.left), shown with its follow-up work item; null for a chat.
alter table interaction_summary add column message text;
