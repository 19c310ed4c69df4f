-- Escape hatch (see FilmCategoryNames.cs): EF Core has no portable aggregate producing an array, so the sorted category
-- names of each film come from array_agg. Live film_category rows only; names sorted by code point (COLLATE "C").
SELECT fc.film_id, array_agg(c.name ORDER BY c.name COLLATE "C") AS names
FROM sl__pagila.film_category AS fc
INNER JOIN sl__pagila.category AS c ON c.category_id = fc.category_id
WHERE fc.inactivated_date IS NULL
GROUP BY fc.film_id
