-- Whether a virtual key may pick its own routing threshold with a RouteLLM-style model name (router-mf-0.2);
-- null: the default (no for a key with a budget, yes otherwise).
ALTER TABLE api_key ADD COLUMN allow_threshold_override boolean;
