-- The dates dim_date spans (DataPlatform.Framework.Calendar.CalendarDay.SqlOver turns their bounds into days): every
-- rental, return and payment date of the live silver rows. UTC.
SELECT r.rental_date FROM sl__pagila.rental AS r WHERE r.inactivated_date IS NULL
UNION ALL
SELECT r.return_date FROM sl__pagila.rental AS r WHERE r.inactivated_date IS NULL AND r.return_date IS NOT NULL
UNION ALL
SELECT p.payment_date FROM sl__pagila.payment AS p WHERE p.inactivated_date IS NULL
