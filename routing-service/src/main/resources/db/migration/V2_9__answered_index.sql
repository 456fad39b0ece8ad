-- The wait estimate of every request taken in counts the queue's answers over the stats window
-- (QueuePositions.ANSWERED): without this index that count read every request the queue ever had.
create index routing_request_answered on routing_request (queue, answered_at) where outcome = 'ACCEPTED';
