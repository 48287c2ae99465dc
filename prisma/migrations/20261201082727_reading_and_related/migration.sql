-- AlterTable
ALTER TABLE "Analysis" ADD COLUMN     "identity" JSONB,
ADD COLUMN     "partial" JSONB,
ADD COLUMN     "reading" JSONB;

-- AlterTable
ALTER TABLE "Result" ADD COLUMN     "partOf" TEXT,
ADD COLUMN     "related" JSONB NOT NULL DEFAULT '[]';
