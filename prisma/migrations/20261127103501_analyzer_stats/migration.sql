-- AlterTable
ALTER TABLE "Analysis" ADD COLUMN     "stats" JSONB;
