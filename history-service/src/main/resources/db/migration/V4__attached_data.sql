-- The chat's attached data (chat.data.changed, chat.completed): the latest values as a JSON object and the time of
-- the change they come from (an older copy never overwrites a newer one). Each change is also a row of
-- interaction_activity (type chat.data.changed).
alter table interaction add column attached_data text;
alter table interaction add column attached_data_at timestamptz;
