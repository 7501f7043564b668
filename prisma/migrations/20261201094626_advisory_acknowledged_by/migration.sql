-- AlterTable
ALTER TABLE "Advisory" ADD COLUMN     "acknowledgedById" TEXT,
ADD COLUMN     "acknowledgedFrom" TEXT;
