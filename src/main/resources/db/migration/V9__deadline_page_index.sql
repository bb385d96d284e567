-- The deadline list orders by (due_at, id) within a state: deadlines due the same day share due_at
-- (24:00 of the last working day), so without id in the index every page sorts all of them.
-- The older index on (state, due_at) is dropped by V10 (Java: H2 and MySQL share no DROP INDEX syntax).
CREATE INDEX gs_deadline_state_due_id ON gs_deadline (state, due_at, id);
