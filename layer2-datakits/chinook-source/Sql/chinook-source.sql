-- A Chinook-shaped source: the tables and column types of upstream Chinook v1.4.5 (Chinook_PostgreSql.sql), primary keys
-- only. No foreign keys, so a synthetic source can hold the orphans silver must quarantine, as real sources do.
CREATE TABLE IF NOT EXISTS public.artist (artist_id int NOT NULL PRIMARY KEY, name varchar(120));
CREATE TABLE IF NOT EXISTS public.album (album_id int NOT NULL PRIMARY KEY, title varchar(160) NOT NULL, artist_id int NOT NULL);
CREATE TABLE IF NOT EXISTS public.genre (genre_id int NOT NULL PRIMARY KEY, name varchar(120));
CREATE TABLE IF NOT EXISTS public.media_type (media_type_id int NOT NULL PRIMARY KEY, name varchar(120));
CREATE TABLE IF NOT EXISTS public.track (
    track_id int NOT NULL PRIMARY KEY, name varchar(200) NOT NULL, album_id int, media_type_id int NOT NULL, genre_id int,
    composer varchar(220), milliseconds int NOT NULL, bytes int, unit_price numeric(10,2) NOT NULL);
CREATE TABLE IF NOT EXISTS public.playlist (playlist_id int NOT NULL PRIMARY KEY, name varchar(120));
CREATE TABLE IF NOT EXISTS public.playlist_track (playlist_id int NOT NULL, track_id int NOT NULL, PRIMARY KEY (playlist_id, track_id));
CREATE TABLE IF NOT EXISTS public.employee (
    employee_id int NOT NULL PRIMARY KEY, last_name varchar(20) NOT NULL, first_name varchar(20) NOT NULL, title varchar(30),
    reports_to int, birth_date timestamp, hire_date timestamp, address varchar(70), city varchar(40), state varchar(40),
    country varchar(40), postal_code varchar(10), phone varchar(24), fax varchar(24), email varchar(60));
CREATE TABLE IF NOT EXISTS public.customer (
    customer_id int NOT NULL PRIMARY KEY, first_name varchar(40) NOT NULL, last_name varchar(20) NOT NULL, company varchar(80),
    address varchar(70), city varchar(40), state varchar(40), country varchar(40), postal_code varchar(10), phone varchar(24),
    fax varchar(24), email varchar(60) NOT NULL, support_rep_id int);
CREATE TABLE IF NOT EXISTS public.invoice (
    invoice_id int NOT NULL PRIMARY KEY, customer_id int NOT NULL, invoice_date timestamp NOT NULL, billing_address varchar(70),
    billing_city varchar(40), billing_state varchar(40), billing_country varchar(40), billing_postal_code varchar(10),
    total numeric(10,2) NOT NULL);
CREATE TABLE IF NOT EXISTS public.invoice_line (
    invoice_line_id int NOT NULL PRIMARY KEY, invoice_id int NOT NULL, track_id int NOT NULL, unit_price numeric(10,2) NOT NULL,
    quantity int NOT NULL);
