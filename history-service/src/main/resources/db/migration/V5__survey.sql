-- The contact's answer to the post-chat satisfaction survey (chat.survey.answered): at most one per chat. queue and
-- agents are the event's (the chat's queue when it ended; the staff who took part, comma separated); the figures
-- average the score per queue, per agent and per day.
alter table interaction add column survey_score integer;
alter table interaction add column survey_comment text;
alter table interaction add column survey_queue varchar(100);
alter table interaction add column survey_agents text;
alter table interaction add column survey_answered_at timestamptz;
