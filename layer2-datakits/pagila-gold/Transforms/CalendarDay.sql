-- Escape hatch (see CalendarDay.cs): LINQ cannot generate rows, so the calendar of dim_date comes from generate_series.
-- Every day from the earliest to the latest rental, return and payment date of the live silver rows, in UTC, inclusive.
-- No rows when silver has no rentals and no payments.
SELECT CAST(d AS date) AS day
FROM (
    SELECT min(x) AS first_day, max(x) AS last_day
    FROM (
        SELECT CAST(r.rental_date AT TIME ZONE 'UTC' AS date) AS x FROM sl__pagila.rental AS r WHERE r.inactivated_date IS NULL
        UNION ALL
        SELECT CAST(r.return_date AT TIME ZONE 'UTC' AS date) FROM sl__pagila.rental AS r WHERE r.inactivated_date IS NULL AND r.return_date IS NOT NULL
        UNION ALL
        SELECT CAST(p.payment_date AT TIME ZONE 'UTC' AS date) FROM sl__pagila.payment AS p WHERE p.inactivated_date IS NULL
    ) AS dates
) AS bounds
CROSS JOIN LATERAL generate_series(bounds.first_day, bounds.last_day, interval '1 day') AS d
