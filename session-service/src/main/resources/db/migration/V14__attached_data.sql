-- The chat's attached data: key-value pairs (string, number or boolean values) as a JSON object, written by the
-- chat request, integrations and the owning agent until Mark Done. Limits are checked by the service
-- (switchboard.session.attached-data.*).
alter table chat add column attached_data text not null default '{}';
