-- CreateTable
CREATE TABLE "SipCall" (
    "analysisId" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "sipCallIds" TEXT[],
    "state" TEXT NOT NULL,
    "code" INTEGER,
    "search" TEXT NOT NULL,
    "summary" JSONB NOT NULL,
    "messages" JSONB,

    CONSTRAINT "SipCall_pkey" PRIMARY KEY ("analysisId","callId")
);

-- CreateTable
CREATE TABLE "SipRegistration" (
    "analysisId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "aor" TEXT NOT NULL,
    "search" TEXT NOT NULL,
    "data" JSONB NOT NULL,

    CONSTRAINT "SipRegistration_pkey" PRIMARY KEY ("analysisId","position")
);

-- CreateIndex
CREATE INDEX "SipCall_analysisId_position_idx" ON "SipCall"("analysisId", "position");

-- AddForeignKey
ALTER TABLE "SipCall" ADD CONSTRAINT "SipCall_analysisId_fkey" FOREIGN KEY ("analysisId") REFERENCES "Analysis"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SipRegistration" ADD CONSTRAINT "SipRegistration_analysisId_fkey" FOREIGN KEY ("analysisId") REFERENCES "Analysis"("id") ON DELETE CASCADE ON UPDATE CASCADE;
