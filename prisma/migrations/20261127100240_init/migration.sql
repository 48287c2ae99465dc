-- CreateEnum
CREATE TYPE "AnalysisStatus" AS ENUM ('queued', 'running', 'done', 'failed');

-- CreateEnum
CREATE TYPE "Outcome" AS ENUM ('issue', 'potential', 'missing', 'not_applicable', 'ok');

-- CreateTable
CREATE TABLE "Analysis" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "status" "AnalysisStatus" NOT NULL DEFAULT 'queued',
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "fileName" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "host" TEXT,
    "product" TEXT,
    "version" TEXT,
    "logStart" TEXT,
    "logEnd" TEXT,
    "files" JSONB NOT NULL DEFAULT '[]',
    "notes" JSONB NOT NULL DEFAULT '[]',
    "lineCount" INTEGER NOT NULL DEFAULT 0,
    "catalogVersion" TEXT,
    "issueCount" INTEGER NOT NULL DEFAULT 0,
    "potentialCount" INTEGER NOT NULL DEFAULT 0,
    "missingCount" INTEGER NOT NULL DEFAULT 0,
    "naCount" INTEGER NOT NULL DEFAULT 0,
    "okCount" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Analysis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Result" (
    "id" TEXT NOT NULL,
    "analysisId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "signatureId" TEXT NOT NULL,
    "signatureVersion" INTEGER NOT NULL,
    "defects" TEXT[],
    "title" TEXT NOT NULL,
    "outcome" "Outcome" NOT NULL,
    "severity" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "condition" TEXT NOT NULL,
    "furtherInformation" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "affected" JSONB NOT NULL DEFAULT '[]',
    "evidence" JSONB NOT NULL DEFAULT '[]',
    "references" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "Result_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Analysis_createdAt_idx" ON "Analysis"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "Analysis_host_idx" ON "Analysis"("host");

-- CreateIndex
CREATE INDEX "Result_analysisId_position_idx" ON "Result"("analysisId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Result_analysisId_signatureId_key" ON "Result"("analysisId", "signatureId");

-- AddForeignKey
ALTER TABLE "Result" ADD CONSTRAINT "Result_analysisId_fkey" FOREIGN KEY ("analysisId") REFERENCES "Analysis"("id") ON DELETE CASCADE ON UPDATE CASCADE;
