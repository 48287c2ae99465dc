-- AlterTable
ALTER TABLE "Analysis" ADD COLUMN     "caseId" TEXT,
ADD COLUMN     "contentHash" TEXT,
ADD COLUMN     "peerFolder" TEXT,
ADD COLUMN     "splitPeers" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ShareLink" ADD COLUMN     "caseId" TEXT,
ALTER COLUMN "analysisId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "workspaceId" TEXT NOT NULL,
    "createdById" TEXT,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Case_workspaceId_createdAt_idx" ON "Case"("workspaceId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Analysis_caseId_idx" ON "Analysis"("caseId");

-- CreateIndex
CREATE INDEX "ShareLink_caseId_idx" ON "ShareLink"("caseId");

-- AddForeignKey
ALTER TABLE "Analysis" ADD CONSTRAINT "Analysis_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShareLink" ADD CONSTRAINT "ShareLink_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
