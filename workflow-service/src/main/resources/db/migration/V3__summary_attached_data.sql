-- The chat's attached data as it stood at Mark Done (chat.completed), a JSON object; null when it had none.
alter table interaction_summary add column attached_data text;
