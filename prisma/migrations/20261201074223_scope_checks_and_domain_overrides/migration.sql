-- AlterTable
ALTER TABLE "AffectedUser" ADD COLUMN     "checkedAt" TIMESTAMP(3),
ADD COLUMN     "tenantCheck" TEXT,
ADD COLUMN     "tenantCheckReason" TEXT;

-- AlterTable
ALTER TABLE "RecipientDomain" ADD COLUMN     "editedAt" TIMESTAMP(3),
ADD COLUMN     "editedById" TEXT,
ADD COLUMN     "manualMessageCount" INTEGER,
ADD COLUMN     "manualRecipientCount" INTEGER,
ADD COLUMN     "traceMessageCount" INTEGER,
ADD COLUMN     "traceRecipientCount" INTEGER,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- Backfill: rows from the trace keep their counts as trace counts; rows typed by hand as the
-- engineer's; accounts added before this change were validated against the tenant when added.
UPDATE "RecipientDomain" SET "traceMessageCount" = "messageCount", "traceRecipientCount" = "recipientCount" WHERE "source" = 'TRACE';
UPDATE "RecipientDomain" SET "manualMessageCount" = "messageCount", "manualRecipientCount" = "recipientCount", "editedAt" = "updatedAt" WHERE "source" = 'MANUAL';
UPDATE "AffectedUser" SET "tenantCheck" = 'FOUND', "checkedAt" = "createdAt" WHERE "objectId" IS NOT NULL;
