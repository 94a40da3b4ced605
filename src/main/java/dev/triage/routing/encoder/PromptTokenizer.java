package dev.triage.routing.encoder;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

/**
 * An encoder's WordPiece tokenizer with its input prefix and window, shared by the encoder and its token table. It runs
 * on the tokenizers library alone, so it is ready before the PyTorch engine has loaded.
 */
public final class PromptTokenizer implements AutoCloseable {

    private final EncoderSpec spec;
    private final int maxTokens;
    private final HuggingFaceTokenizer tokenizer;

    private PromptTokenizer(EncoderSpec spec, int maxTokens, HuggingFaceTokenizer tokenizer) {
        this.spec = spec;
        this.maxTokens = maxTokens;
        this.tokenizer = tokenizer;
    }

    /** @param maxTokens longer inputs keep their first {@code maxTokens} tokens (the start of a prompt states the task) */
    public static PromptTokenizer load(EncoderSpec spec, int maxTokens) throws IOException {
        try (InputStream json = spec.resource(spec.tokenizerResource).openStream()) {
            return new PromptTokenizer(
                    spec,
                    maxTokens,
                    HuggingFaceTokenizer.newInstance(
                            json,
                            Map.of(
                                    "maxLength", String.valueOf(maxTokens),
                                    "truncation", "true",
                                    "padding", "false")));
        }
    }

    public EncoderSpec spec() {
        return spec;
    }

    int maxTokens() {
        return maxTokens;
    }

    /** The token ids the encoder reads of {@code text}, special tokens included, after truncation. */
    public long[] ids(String text) {
        return tokenizer.encode(spec.prefix + text).getIds();
    }

    /** {@code [CLS]} and {@code [SEP]}, the tokens around every input. */
    long[] specials() {
        return tokenizer.encode("").getIds();
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
