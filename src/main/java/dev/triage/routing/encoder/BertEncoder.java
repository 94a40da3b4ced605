package dev.triage.routing.encoder;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.util.Utils;

/**
 * A BERT-style sentence encoder running in-process on DJL's PyTorch engine: tokenize, embed, the transformer layers,
 * pool, L2-normalise. Texts are never padded: a batch stacks their tokens, so no compute is spent on pad tokens and no
 * attention mask is needed. Thread-safe: each call works in its own sub-manager and the weights are only read.
 */
public final class BertEncoder implements AutoCloseable {

    private static final int HEADS = 12;
    private static final float LAYER_NORM_EPS = 1e-12f;
    /** Vocabulary tokens run through the encoder at once when distilling the token table. */
    private static final int DISTIL_BATCH = 1024;

    private final PromptTokenizer tokenizer;
    private final NDManager manager;
    private final BertWeights weights;
    private final List<BertWeights.Layer> layers;
    private final Path tableFile;

    private BertEncoder(PromptTokenizer tokenizer, NDManager manager, BertWeights weights, int layers, Path tableFile) {
        this.tokenizer = tokenizer;
        this.manager = manager;
        this.weights = weights;
        this.layers = layers > 0 ? weights.layers.subList(0, Math.min(layers, weights.layers.size())) : weights.layers;
        this.tableFile = tableFile;
    }

    /**
     * Loads the encoder from its classpath resources.
     *
     * @param maxTokens longer inputs keep their first {@code maxTokens} tokens (the start of a prompt states the task)
     * @param layers how many transformer layers to run, from the first; 0 for all. Fewer layers cost less time; the
     *        router's heads must be trained on embeddings made with the same number.
     */
    public static BertEncoder load(EncoderSpec spec, int maxTokens, int layers) throws IOException {
        return load(PromptTokenizer.load(spec, maxTokens), layers);
    }

    /** Loads the encoder that reads the tokens of {@code tokenizer}, which it closes with itself. */
    public static BertEncoder load(PromptTokenizer tokenizer, int layers) throws IOException {
        EncoderSpec spec = tokenizer.spec();
        Map<String, OnnxWeights.Tensor> tensors = ConvertedWeights.load(
                Utils.getCacheDir().resolve(ConvertedWeights.DIRECTORY), spec.id(), spec.resource(spec.onnxResource));
        NDManager manager = NDManager.newBaseManager("PyTorch");
        return new BertEncoder(
                tokenizer, manager, new BertWeights(tensors, manager), layers, TokenTable.file(spec, layers));
    }

    public EncoderSpec spec() {
        return tokenizer.spec();
    }

    public int dimensions() {
        return weights.hidden;
    }

    public int maxTokens() {
        return tokenizer.maxTokens();
    }

    public int layers() {
        return layers.size();
    }

    /** The number of tokens the encoder reads of {@code text}, special tokens included, after truncation. */
    public int tokenCount(String text) {
        return tokenizer.ids(text).length;
    }

    /**
     * The first-stage embedder on the token table distilled from this encoder's layers, from the cache directory where
     * an earlier start left it, otherwise computed (a few seconds) and left there.
     */
    public TokenEmbedder tokenEmbedder() {
        return new TokenEmbedder(tokenizer, TokenTable.cached(tableFile, this::distil));
    }

    /**
     * Each vocabulary token's output when it is the only token between {@code [CLS]} and {@code [SEP]}; those two get
     * their mean output over all these inputs. Depends on the weights alone, so every replica computes the same table.
     */
    private TokenTable distil() {
        int vocabulary = Math.toIntExact(weights.wordEmbeddings.getShape().get(0));
        int hidden = weights.hidden;
        long[] specials = tokenizer.specials();
        float[] rows = new float[vocabulary * hidden];
        double[] opening = new double[hidden];
        double[] closing = new double[hidden];
        for (int from = 0; from < vocabulary; from += DISTIL_BATCH) {
            int count = Math.min(DISTIL_BATCH, vocabulary - from);
            long[][] ids = new long[count][];
            int[] starts = new int[count + 1];
            for (int i = 0; i < count; i++) {
                ids[i] = new long[] {specials[0], from + i, specials[1]};
                starts[i + 1] = starts[i] + 3;
            }
            try (NDManager scope = manager.newSubManager()) {
                NDArray x = embed(scope, ids, starts);
                for (BertWeights.Layer layer : layers) {
                    x = layer(x, layer, qkv -> attention(qkv.reshape(count, 3, 3L * hidden), hidden));
                }
                float[] out = x.toFloatArray();
                for (int i = 0; i < count; i++) {
                    System.arraycopy(out, (i * 3 + 1) * hidden, rows, (from + i) * hidden, hidden);
                    for (int h = 0; h < hidden; h++) {
                        opening[h] += out[i * 3 * hidden + h] / vocabulary;
                        closing[h] += out[(i * 3 + 2) * hidden + h] / vocabulary;
                    }
                }
            }
        }
        for (int h = 0; h < hidden; h++) {
            rows[(int) specials[0] * hidden + h] = (float) opening[h];
            rows[(int) specials[1] * hidden + h] = (float) closing[h];
        }
        return new TokenTable(FloatBuffer.wrap(rows), hidden);
    }

    /** The unit-length sentence embedding of {@code text}. */
    public float[] encode(String text) {
        return encodeAll(List.of(text))[0];
    }

    /**
     * The embeddings of several texts in one pass: their tokens are stacked into one matrix, so every weight matrix is
     * read once for the whole batch (at a few dozen tokens the products are bound by reading the weights, not by
     * arithmetic), while attention and pooling stay within each text. No padding, so the results equal
     * {@link #encode(String)} of each text.
     */
    public float[][] encodeAll(List<String> texts) {
        int[] starts = new int[texts.size() + 1];
        long[][] ids = new long[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            ids[i] = tokenizer.ids(texts.get(i));
            starts[i + 1] = starts[i] + ids[i].length;
        }
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = embed(scope, ids, starts);
            for (BertWeights.Layer layer : layers) {
                x = layer(x, layer, qkv -> attendEach(qkv, starts));
            }
            float[][] embeddings = new float[texts.size()][];
            for (int i = 0; i < texts.size(); i++) {
                NDArray tokens = x.get(new NDIndex("{}:{}", starts[i], starts[i + 1]));
                NDArray pooled = tokenizer.spec().pooling == EncoderSpec.Pooling.CLS
                        ? tokens.get(0)
                        : tokens.mean(new int[] {0});
                embeddings[i] = pooled.div(pooled.norm().maximum(1e-12f)).toFloatArray();
            }
            return embeddings;
        }
    }

    private NDArray embed(NDManager scope, long[][] ids, int[] starts) {
        long[] allIds = new long[starts[ids.length]];
        long[] positions = new long[allIds.length];
        for (int i = 0; i < ids.length; i++) {
            System.arraycopy(ids[i], 0, allIds, starts[i], ids[i].length);
            for (int j = 0; j < ids[i].length; j++) {
                positions[starts[i] + j] = j;
            }
        }
        // an op's result belongs to its first operand's manager: results read from the weights are moved to the
        // request's scope, so that everything computed from them is freed with it
        NDArray tokens = weights.wordEmbeddings.get(new NDIndex("{}", scope.create(allIds)));
        tokens.attach(scope);
        NDArray position = weights.positionEmbeddings.get(new NDIndex("{}", scope.create(positions)));
        position.attach(scope);
        NDArray tokenType = weights.tokenTypeEmbeddings.get(0);
        tokenType.attach(scope);
        NDArray x = tokens.add(position).add(tokenType);
        return layerNorm(x, weights.embeddingNormGamma, weights.embeddingNormBeta);
    }

    /** Attention within each text of a batch of stacked texts, {@code starts} their first rows. */
    private NDArray attendEach(NDArray qkv, int[] starts) {
        NDList contexts = new NDList(starts.length - 1);
        for (int i = 0; i + 1 < starts.length; i++) {
            NDArray text = qkv.get(new NDIndex("{}:{}", starts[i], starts[i + 1]));
            contexts.add(attention(text.expandDims(0), weights.hidden));
        }
        return contexts.size() == 1 ? contexts.get(0) : NDArrays.concat(contexts, 0);
    }

    /** One transformer layer; {@code attend} turns the fused query/key/value projection into attention's output. */
    private NDArray layer(NDArray x, BertWeights.Layer w, UnaryOperator<NDArray> attend) {
        NDArray qkv = x.matMul(w.qkv()).add(w.qkvBias());
        NDArray context = attend.apply(qkv);
        NDArray attended = layerNorm(
                context.matMul(w.attentionOut()).add(w.attentionOutBias()).add(x),
                w.attentionNormGamma(),
                w.attentionNormBeta());
        NDArray intermediate = Activation.gelu(attended.matMul(w.intermediate()).add(w.intermediateBias()));
        return layerNorm(
                intermediate.matMul(w.output()).add(w.outputBias()).add(attended),
                w.outputNormGamma(),
                w.outputNormBeta());
    }

    /**
     * Multi-head self-attention of texts of the same length, each attending to itself only: {@code [texts, length, 3 *
     * hidden]} of the fused query/key/value projection to {@code [texts * length, hidden]}.
     */
    private static NDArray attention(NDArray qkv, int hidden) {
        long texts = qkv.getShape().get(0);
        long length = qkv.getShape().get(1);
        int headSize = hidden / HEADS;
        NDArray heads = qkv.reshape(texts, length, 3, HEADS, headSize).transpose(2, 0, 3, 1, 4);
        NDArray q = heads.get(0);
        NDArray k = heads.get(1);
        NDArray v = heads.get(2);
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul(1.0f / (float) Math.sqrt(headSize));
        return scores.softmax(-1).matMul(v).transpose(0, 2, 1, 3).reshape(texts * length, hidden);
    }

    private static NDArray layerNorm(NDArray x, NDArray gamma, NDArray beta) {
        NDList normed = x.getNDArrayInternal()
                .layerNorm(x, new Shape(x.getShape().getLastDimension()), gamma, beta, LAYER_NORM_EPS);
        return normed.singletonOrThrow();
    }

    @Override
    public void close() {
        manager.close();
        tokenizer.close();
    }
}
