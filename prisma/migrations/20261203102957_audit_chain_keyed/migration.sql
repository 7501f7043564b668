-- CreateEnum
CREATE TYPE "AuditChainStatus" AS ENUM ('INTACT', 'BROKEN', 'UNATTESTED');

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "chainVersion" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "AuditVerification" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3) NOT NULL,
    "status" "AuditChainStatus" NOT NULL,
    "fromSeq" BIGINT NOT NULL,
    "throughSeq" BIGINT NOT NULL,
    "headHash" TEXT NOT NULL,
    "eventCount" INTEGER NOT NULL,
    "legacyCount" INTEGER NOT NULL,
    "brokenSeq" BIGINT,
    "brokenAt" TIMESTAMP(3),
    "brokenReason" TEXT,
    "mac" TEXT NOT NULL,

    CONSTRAINT "AuditVerification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditVerification_status_finishedAt_idx" ON "AuditVerification"("status", "finishedAt" DESC);

-- CreateIndex
CREATE INDEX "AuditVerification_finishedAt_idx" ON "AuditVerification"("finishedAt" DESC);

-- TRUNCATE fires no row trigger: refuse it with a statement trigger, like updates and deletes.
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();
