-- Delivery and read receipts (docs/session-service.md "Receipts"): per participant, the highest seq their client
-- received on its socket and the highest its window showed. Cumulative watermarks that only grow, so a receipt is one
-- update of this row, whatever number of messages it covers.
alter table chat_participant add column delivered_seq bigint not null default 0;
alter table chat_participant add column read_seq bigint not null default 0;
