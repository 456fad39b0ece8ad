-- What an ENDED notice and a TRANSFERRED notice say beyond their kind, so that front ends word them in their own
-- language as fully as the service's English sentence: why the chat ended, and whom it was transferred to.
alter table timeline_item add column end_reason varchar(32);
alter table timeline_item add column target_name varchar(200);
