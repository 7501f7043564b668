-- AlterTable
ALTER TABLE "User" ADD COLUMN     "servesAllTenants" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "TenantEngineer" (
    "tenantId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TenantEngineer_pkey" PRIMARY KEY ("tenantId","userId")
);

-- CreateIndex
CREATE INDEX "TenantEngineer_userId_idx" ON "TenantEngineer"("userId");

-- AddForeignKey
ALTER TABLE "TenantEngineer" ADD CONSTRAINT "TenantEngineer_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenantEngineer" ADD CONSTRAINT "TenantEngineer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Engineers that existed before tenants were assigned keep seeing what they saw: every tenant.
UPDATE "User" SET "servesAllTenants" = true WHERE "role" = 'ENGINEER';
