-- AlterTable
ALTER TABLE "AlertCursor" ADD COLUMN     "unavailableAt" TIMESTAMP(3),
ADD COLUMN     "unavailableReason" TEXT;
