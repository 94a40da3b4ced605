package dev.triage.routing.encoder;

import java.io.IOException;
import java.util.Optional;

/**
 * The router's first-stage embedding of a prompt: its encoder's tokens, looked up in the token table distilled from that
 * encoder. Needs neither the PyTorch engine nor the encoder's weights, so a start that finds the table in the cache can
 * decide before the encoder has loaded.
 */
public final class TokenEmbedder {

    private final PromptTokenizer tokenizer;
    private final TokenTable table;

    TokenEmbedder(PromptTokenizer tokenizer, TokenTable table) {
        this.tokenizer = tokenizer;
        this.table = table;
    }

    /** The table an earlier start distilled from the encoder's first {@code layers} layers (0: all), if it left one. */
    public static Optional<TokenEmbedder> cached(PromptTokenizer tokenizer, int layers) throws IOException {
        return TokenTable.read(TokenTable.file(tokenizer.spec(), layers))
                .map(table -> new TokenEmbedder(tokenizer, table));
    }

    public float[] embed(String text) {
        return table.embed(tokenizer.ids(text));
    }
}
