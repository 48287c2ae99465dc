-- AlterTable
ALTER TABLE "Analysis" ADD COLUMN     "details" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "previousCatalogVersion" TEXT,
ADD COLUMN     "previousOutcomes" JSONB;
