-- Existing users signed in before emails were verified: they keep their email as claimed
-- (the old behaviour assumed it), and users without any linked account are pending invitations.
UPDATE "users" SET "invited" = true WHERE NOT EXISTS (SELECT 1 FROM "accounts" a WHERE a."user_id" = "users"."id");--> statement-breakpoint
UPDATE "users" SET "email_verified" = "created_at" WHERE "email_verified" IS NULL AND EXISTS (SELECT 1 FROM "accounts" a WHERE a."user_id" = "users"."id");
