package dev.triage.routing.encoder;

import java.io.IOException;
import java.net.URL;

/**
 * The BERT-style sentence encoders the router can use, as the classpath resources that hold them (the langchain4j
 * embedding jars, taken as data). Only all-MiniLM-L6-v2 ships by default; build with {@code -Pall-encoders} for the others.
 */
public enum EncoderSpec {
    ALL_MINILM_L6_V2("all-minilm-l6-v2", "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json", Pooling.MEAN, ""),
    BGE_SMALL_EN_V15(
            "bge-small-en-v1.5", "bge-small-en-v1.5.onnx", "bge-small-en-v1.5-tokenizer.json", Pooling.CLS, ""),
    /** e5 expects its inputs marked as queries. */
    E5_SMALL_V2("e5-small-v2", "e5-small-v2.onnx", "e5-small-v2-tokenizer.json", Pooling.MEAN, "query: ");

    public enum Pooling {
        MEAN,
        CLS
    }

    private final String id;
    final String onnxResource;
    final String tokenizerResource;
    final Pooling pooling;
    final String prefix;

    EncoderSpec(String id, String onnxResource, String tokenizerResource, Pooling pooling, String prefix) {
        this.id = id;
        this.onnxResource = onnxResource;
        this.tokenizerResource = tokenizerResource;
        this.pooling = pooling;
        this.prefix = prefix;
    }

    public String id() {
        return id;
    }

    /** One of the encoder's files, from the classpath. */
    URL resource(String name) throws IOException {
        URL resource = EncoderSpec.class.getClassLoader().getResource(name);
        if (resource == null) {
            throw new IOException("encoder resource '" + name + "' is not on the classpath (is its langchain4j "
                    + "embeddings jar a dependency? bge and e5 need -Pall-encoders)");
        }
        return resource;
    }

    public static EncoderSpec byId(String id) {
        for (EncoderSpec spec : values()) {
            if (spec.id.equals(id)) {
                return spec;
            }
        }
        throw new IllegalArgumentException(
                "unknown encoder '" + id + "'; known: all-minilm-l6-v2, bge-small-en-v1.5, e5-small-v2");
    }
}
