-- AlterTable
ALTER TABLE "SipCall" ADD COLUMN     "sessionIds" TEXT[] DEFAULT ARRAY[]::TEXT[];
