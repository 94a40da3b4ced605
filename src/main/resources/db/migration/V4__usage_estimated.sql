-- Whether the row's tokens were counted by the gateway (no usage arrived: client closed the stream, a cut stream, an
-- upstream without usage) rather than reported by the upstream.
ALTER TABLE ledger ADD COLUMN usage_estimated boolean NOT NULL DEFAULT false;
