-- Virtual API keys: only a SHA-256 of the key is stored; its first characters identify it in listings.
CREATE TABLE api_key (
    id             uuid PRIMARY KEY,
    name           text NOT NULL,
    key_hash       text NOT NULL UNIQUE,
    key_prefix     text NOT NULL,
    allowed_routes text,
    allowed_models text,
    budget_usd     numeric(20, 6),
    budget_period  text NOT NULL,
    budget_mode    text NOT NULL,
    rpm            integer,
    tpm            integer,
    created_at     timestamptz NOT NULL,
    revoked_at     timestamptz
);
