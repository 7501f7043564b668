-- AlterTable
ALTER TABLE "CampaignAccount" ADD COLUMN     "startedById" TEXT;

-- AlterTable
ALTER TABLE "CampaignStep" ADD COLUMN     "checks" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "nextCheckAt" TIMESTAMP(3),
ADD COLUMN     "observed" TEXT,
ADD COLUMN     "verified" BOOLEAN,
ADD COLUMN     "verifiedAt" TIMESTAMP(3),
ADD COLUMN     "verifyingUntil" TIMESTAMP(3);
