-- Trigram matching for the queue search (a trusted extension: a database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Ticket_title_trgm_idx" ON "Ticket" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Ticket_affectedUpn_trgm_idx" ON "Ticket" USING GIN ("affectedUpn" gin_trgm_ops);
