-- CreateEnum
CREATE TYPE "ConnectionMode" AS ENUM ('DEPLOYMENT_APP', 'OWN_APP');

-- CreateEnum
CREATE TYPE "ConnectPurpose" AS ENUM ('CONSENT', 'SETUP');

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "connectionMode" "ConnectionMode" NOT NULL DEFAULT 'OWN_APP',
ADD COLUMN     "consentedAt" TIMESTAMP(3),
ADD COLUMN     "consentedById" TEXT,
ADD COLUMN     "disconnectedAt" TIMESTAMP(3),
ADD COLUMN     "disconnectedById" TEXT,
ADD COLUMN     "servicePrincipalId" TEXT,
ALTER COLUMN "entraTenantId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "TenantConnectAttempt" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "purpose" "ConnectPurpose" NOT NULL,
    "codeVerifierEncrypted" TEXT,
    "options" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "outcomeCode" TEXT,
    "outcomeDetail" TEXT,

    CONSTRAINT "TenantConnectAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TenantConnectionCheck" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "trigger" TEXT NOT NULL,
    "checkedById" TEXT,
    "connected" BOOLEAN NOT NULL,
    "ready" BOOLEAN NOT NULL,
    "error" TEXT,
    "items" JSONB NOT NULL,
    "operations" JSONB,

    CONSTRAINT "TenantConnectionCheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TenantConnectAttempt_tenantId_createdAt_idx" ON "TenantConnectAttempt"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "TenantConnectionCheck_tenantId_checkedAt_idx" ON "TenantConnectionCheck"("tenantId", "checkedAt");

-- AddForeignKey
ALTER TABLE "TenantConnectAttempt" ADD CONSTRAINT "TenantConnectAttempt_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenantConnectionCheck" ADD CONSTRAINT "TenantConnectionCheck_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
