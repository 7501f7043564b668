-- AlterTable
ALTER TABLE "MfaCoverageCheck" ADD COLUMN     "truncated" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "RemediationAction" ADD COLUMN     "checks" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "clientRequestIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "nextCheckAt" TIMESTAMP(3),
ADD COLUMN     "verifyingUntil" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "RemediationAction_nextCheckAt_idx" ON "RemediationAction"("nextCheckAt");
