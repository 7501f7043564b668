-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('NONE', 'IN_REVIEW', 'APPROVED', 'RETURNED');

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "requireApproval" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "serviceMailbox" TEXT;

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "closureReason" TEXT,
ADD COLUMN     "firstSuspiciousAt" TIMESTAMP(3),
ADD COLUMN     "lessonsLearned" TEXT,
ADD COLUMN     "notificationDeadline" TIMESTAMP(3),
ADD COLUMN     "outcomeSummary" TEXT,
ADD COLUMN     "personalDataInvolved" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reviewStatus" "ReviewStatus" NOT NULL DEFAULT 'NONE';

-- CreateTable
CREATE TABLE "AffectedUser" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "upn" TEXT NOT NULL,
    "displayName" TEXT,
    "objectId" TEXT,
    "isPrimary" BOOLEAN NOT NULL DEFAULT false,
    "addedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AffectedUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecipientDomain" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "isInternal" BOOLEAN NOT NULL DEFAULT false,
    "messageCount" INTEGER NOT NULL DEFAULT 0,
    "recipientCount" INTEGER NOT NULL DEFAULT 0,
    "source" TEXT NOT NULL DEFAULT 'TRACE',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RecipientDomain_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImpactAssessment" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "level" TEXT NOT NULL DEFAULT 'NONE',
    "notes" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImpactAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChecklistStep" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'TODO',
    "reason" TEXT,
    "notes" TEXT,
    "doneById" TEXT,
    "doneAt" TIMESTAMP(3),
    "lastActionId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChecklistStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RemediationAction" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT,
    "tenantId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "params" JSONB,
    "idempotencyKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "requestedById" TEXT,
    "requestIds" TEXT[],
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "verified" BOOLEAN,
    "verification" JSONB,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "verifiedAt" TIMESTAMP(3),

    CONSTRAINT "RemediationAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Approval" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "stepKey" TEXT NOT NULL,
    "params" JSONB,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "requestedById" TEXT NOT NULL,
    "decidedById" TEXT,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "Approval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvestigationSnapshot" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "takenById" TEXT,
    "takenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "data" JSONB NOT NULL,
    "findings" JSONB NOT NULL,
    "gaps" JSONB,
    "requestIds" TEXT[],

    CONSTRAINT "InvestigationSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessageTraceEntry" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "senderAddress" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "recipientDomain" TEXT NOT NULL,
    "subject" TEXT,
    "status" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "size" INTEGER,
    "refreshedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MessageTraceEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Advisory" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "toAddresses" TEXT[],
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFTED',
    "sentAt" TIMESTAMP(3),
    "sentById" TEXT,
    "requestId" TEXT,
    "acknowledgedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Advisory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PreventiveItem" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "owner" TEXT,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "dueAt" TIMESTAMP(3),
    "notes" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PreventiveItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MfaCoverageCheck" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "ticketId" TEXT,
    "checkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "checkedById" TEXT,
    "totalUsers" INTEGER NOT NULL,
    "mfaRegistered" INTEGER NOT NULL,
    "mfaCapable" INTEGER NOT NULL,
    "adminsWithoutMfa" INTEGER NOT NULL,
    "usersWithoutMfa" JSONB NOT NULL,
    "requestId" TEXT,

    CONSTRAINT "MfaCoverageCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "visibility" "CommentVisibility" NOT NULL DEFAULT 'INTERNAL',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportVersion" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "markdown" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,

    CONSTRAINT "ReportVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportReview" (
    "id" TEXT NOT NULL,
    "reportVersionId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "comments" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AffectedUser_ticketId_upn_key" ON "AffectedUser"("ticketId", "upn");

-- CreateIndex
CREATE UNIQUE INDEX "RecipientDomain_ticketId_domain_key" ON "RecipientDomain"("ticketId", "domain");

-- CreateIndex
CREATE UNIQUE INDEX "ImpactAssessment_ticketId_category_key" ON "ImpactAssessment"("ticketId", "category");

-- CreateIndex
CREATE UNIQUE INDEX "ChecklistStep_ticketId_key_key" ON "ChecklistStep"("ticketId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "RemediationAction_idempotencyKey_key" ON "RemediationAction"("idempotencyKey");

-- CreateIndex
CREATE INDEX "RemediationAction_ticketId_startedAt_idx" ON "RemediationAction"("ticketId", "startedAt");

-- CreateIndex
CREATE INDEX "RemediationAction_tenantId_startedAt_idx" ON "RemediationAction"("tenantId", "startedAt");

-- CreateIndex
CREATE INDEX "Approval_ticketId_status_idx" ON "Approval"("ticketId", "status");

-- CreateIndex
CREATE INDEX "InvestigationSnapshot_ticketId_takenAt_idx" ON "InvestigationSnapshot"("ticketId", "takenAt");

-- CreateIndex
CREATE INDEX "MessageTraceEntry_ticketId_recipientDomain_idx" ON "MessageTraceEntry"("ticketId", "recipientDomain");

-- CreateIndex
CREATE UNIQUE INDEX "MessageTraceEntry_ticketId_traceId_recipient_key" ON "MessageTraceEntry"("ticketId", "traceId", "recipient");

-- CreateIndex
CREATE UNIQUE INDEX "Advisory_ticketId_domain_key" ON "Advisory"("ticketId", "domain");

-- CreateIndex
CREATE INDEX "PreventiveItem_ticketId_idx" ON "PreventiveItem"("ticketId");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_storageKey_key" ON "Attachment"("storageKey");

-- CreateIndex
CREATE INDEX "Attachment_ticketId_createdAt_idx" ON "Attachment"("ticketId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReportVersion_ticketId_version_key" ON "ReportVersion"("ticketId", "version");

-- AddForeignKey
ALTER TABLE "AffectedUser" ADD CONSTRAINT "AffectedUser_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecipientDomain" ADD CONSTRAINT "RecipientDomain_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpactAssessment" ADD CONSTRAINT "ImpactAssessment_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChecklistStep" ADD CONSTRAINT "ChecklistStep_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemediationAction" ADD CONSTRAINT "RemediationAction_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemediationAction" ADD CONSTRAINT "RemediationAction_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemediationAction" ADD CONSTRAINT "RemediationAction_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvestigationSnapshot" ADD CONSTRAINT "InvestigationSnapshot_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageTraceEntry" ADD CONSTRAINT "MessageTraceEntry_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Advisory" ADD CONSTRAINT "Advisory_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PreventiveItem" ADD CONSTRAINT "PreventiveItem_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MfaCoverageCheck" ADD CONSTRAINT "MfaCoverageCheck_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MfaCoverageCheck" ADD CONSTRAINT "MfaCoverageCheck_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportVersion" ADD CONSTRAINT "ReportVersion_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportReview" ADD CONSTRAINT "ReportReview_reportVersionId_fkey" FOREIGN KEY ("reportVersionId") REFERENCES "ReportVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportReview" ADD CONSTRAINT "ReportReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
