-- Milestone names become unique per project (case-insensitive) in the next migration:
-- number the existing duplicates first ("Beta", "Beta (2)") so that index can be built.
UPDATE "milestones" m SET "title" = m."title" || ' (' || d.rn || ')'
FROM (SELECT "id", row_number() OVER (PARTITION BY "project_id", lower("title") ORDER BY "created_at", "id") AS rn FROM "milestones") d
WHERE d."id" = m."id" AND d.rn > 1;
