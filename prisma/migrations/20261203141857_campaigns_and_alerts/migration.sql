-- CreateEnum
CREATE TYPE "CampaignSource" AS ENUM ('INTAKE', 'PASTE', 'CSV', 'SCOPE', 'ALERT');

-- CreateEnum
CREATE TYPE "CampaignStepState" AS ENUM ('IDLE', 'QUEUED', 'SENDING', 'ACCEPTED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "AlertIntakeMode" AS ENUM ('AUTOMATIC', 'SUGGEST', 'OFF');

-- CreateEnum
CREATE TYPE "TenantAlertStatus" AS ENUM ('SUGGESTED', 'TICKETED', 'DISMISSED');

-- CreateTable
CREATE TABLE "CampaignAccount" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "upn" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "source" "CampaignSource" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CampaignAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignStep" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "stepKey" TEXT NOT NULL,
    "state" "CampaignStepState" NOT NULL DEFAULT 'IDLE',
    "writes" INTEGER NOT NULL DEFAULT 0,
    "sentAt" TIMESTAMP(3),
    "queuedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "requestId" TEXT,
    "error" TEXT,
    "recovered" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CampaignStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GraphPace" (
    "tenantId" TEXT NOT NULL,
    "nextAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GraphPace_pkey" PRIMARY KEY ("tenantId")
);

-- CreateTable
CREATE TABLE "TenantAlertSetting" (
    "tenantId" TEXT NOT NULL,
    "mode" "AlertIntakeMode" NOT NULL DEFAULT 'SUGGEST',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TenantAlertSetting_pkey" PRIMARY KEY ("tenantId")
);

-- CreateTable
CREATE TABLE "AlertCursor" (
    "tenantId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "readUntil" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertCursor_pkey" PRIMARY KEY ("tenantId","source")
);

-- CreateTable
CREATE TABLE "TenantAlert" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "upn" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "severity" "Severity" NOT NULL,
    "raisedAt" TIMESTAMP(3) NOT NULL,
    "details" JSONB NOT NULL,
    "status" "TenantAlertStatus" NOT NULL,
    "ticketId" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TenantAlert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CampaignAccount_tenantId_idx" ON "CampaignAccount"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignAccount_ticketId_upn_key" ON "CampaignAccount"("ticketId", "upn");

-- CreateIndex
CREATE INDEX "CampaignStep_ticketId_state_idx" ON "CampaignStep"("ticketId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignStep_accountId_stepKey_key" ON "CampaignStep"("accountId", "stepKey");

-- CreateIndex
CREATE INDEX "TenantAlert_tenantId_status_idx" ON "TenantAlert"("tenantId", "status");

-- CreateIndex
CREATE INDEX "TenantAlert_ticketId_idx" ON "TenantAlert"("ticketId");

-- CreateIndex
CREATE UNIQUE INDEX "TenantAlert_tenantId_source_externalId_key" ON "TenantAlert"("tenantId", "source", "externalId");

-- AddForeignKey
ALTER TABLE "CampaignAccount" ADD CONSTRAINT "CampaignAccount_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignStep" ADD CONSTRAINT "CampaignStep_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "CampaignAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;
