-- One row per request answered (or refused) by the gateway. No prompt text.
CREATE TABLE ledger (
    id                 uuid PRIMARY KEY,
    at                 timestamptz NOT NULL,
    request_id         text NOT NULL,
    key_id             text,
    route              text,
    tier               text,
    strong_probability double precision,
    threshold          double precision,
    model              text,
    fallback           text,
    attempts           text,
    input_tokens       bigint,
    output_tokens      bigint,
    cost_usd           numeric(20, 10),
    strong_cost_usd    numeric(20, 10),
    latency_ms         double precision NOT NULL,
    status             integer NOT NULL,
    outcome            text NOT NULL,
    streamed           boolean NOT NULL
);

CREATE INDEX ledger_at ON ledger (at);
CREATE INDEX ledger_request_id ON ledger (request_id);
CREATE INDEX ledger_key_at ON ledger (key_id, at);
