-- AlterTable
ALTER TABLE "Advisory" ADD COLUMN     "draftedBody" TEXT,
ADD COLUMN     "draftedSubject" TEXT;

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "advisoryAllowList" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "TemporaryPassword" (
    "id" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "sealed" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revealedAt" TIMESTAMP(3),
    "revealedById" TEXT,
    "endedAs" TEXT,

    CONSTRAINT "TemporaryPassword_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountRunLock" (
    "tenantId" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "runKey" TEXT NOT NULL,
    "acquiredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccountRunLock_pkey" PRIMARY KEY ("tenantId","account")
);

-- CreateTable
CREATE TABLE "AdvisorySendAttempt" (
    "id" TEXT NOT NULL,
    "advisoryId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "fromAddress" TEXT NOT NULL,
    "toAddresses" TEXT[],
    "outcome" TEXT NOT NULL DEFAULT 'PENDING',
    "requestId" TEXT,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "AdvisorySendAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TemporaryPassword_actionId_key" ON "TemporaryPassword"("actionId");

-- CreateIndex
CREATE INDEX "TemporaryPassword_ticketId_idx" ON "TemporaryPassword"("ticketId");

-- CreateIndex
CREATE INDEX "TemporaryPassword_expiresAt_idx" ON "TemporaryPassword"("expiresAt");

-- CreateIndex
CREATE INDEX "AdvisorySendAttempt_advisoryId_startedAt_idx" ON "AdvisorySendAttempt"("advisoryId", "startedAt");
