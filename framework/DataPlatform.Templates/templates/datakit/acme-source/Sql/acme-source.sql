-- The acme source tables, as the source system has them (idempotent). Add a CREATE TABLE per source table; leave foreign
-- keys out, so a synthetic source can hold the bad rows silver must quarantine, as real sources do.
CREATE SCHEMA IF NOT EXISTS SOURCE_SCHEMA;
CREATE TABLE IF NOT EXISTS SOURCE_SCHEMA.customer (
    customer_id integer NOT NULL PRIMARY KEY,
    name text NOT NULL,
    email text,
    country text,
    updated_at timestamptz NOT NULL);
