-- AlterTable
ALTER TABLE "ShareLink" ADD COLUMN     "tokenSealed" TEXT;
