-- AlterTable
ALTER TABLE "User" ADD COLUMN     "entraSubject" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "User_entraSubject_key" ON "User"("entraSubject");
