package dev.triage.routing.encoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** A BERT encoder's weights as tensors on the engine, the three attention projections fused into one matrix. */
final class BertWeights {

    record Layer(
            NDArray qkv,
            NDArray qkvBias,
            NDArray attentionOut,
            NDArray attentionOutBias,
            NDArray attentionNormGamma,
            NDArray attentionNormBeta,
            NDArray intermediate,
            NDArray intermediateBias,
            NDArray output,
            NDArray outputBias,
            NDArray outputNormGamma,
            NDArray outputNormBeta) {}

    final NDArray wordEmbeddings;
    final NDArray positionEmbeddings;
    final NDArray tokenTypeEmbeddings;
    final NDArray embeddingNormGamma;
    final NDArray embeddingNormBeta;
    final List<Layer> layers;
    final int hidden;

    BertWeights(Map<String, OnnxWeights.Tensor> tensors, NDManager manager) {
        String prefix = tensors.containsKey("bert.embeddings.word_embeddings.weight") ? "bert." : "";
        Loader load = new Loader(tensors, manager, prefix);
        this.wordEmbeddings = load.tensor("embeddings.word_embeddings.weight");
        this.positionEmbeddings = load.tensor("embeddings.position_embeddings.weight");
        this.tokenTypeEmbeddings = load.tensor("embeddings.token_type_embeddings.weight");
        this.embeddingNormGamma = load.tensor("embeddings.LayerNorm.weight");
        this.embeddingNormBeta = load.tensor("embeddings.LayerNorm.bias");
        this.hidden = (int) wordEmbeddings.getShape().get(1);
        List<Layer> built = new ArrayList<>();
        for (int i = 0; tensors.containsKey(prefix + "encoder.layer." + i + ".attention.self.query.weight"); i++) {
            String l = "encoder.layer." + i + ".";
            String self = l + "attention.self.";
            NDArray qkv = load.fused(1, self + "query.weight", self + "key.weight", self + "value.weight");
            NDArray qkvBias = load.fused(0, self + "query.bias", self + "key.bias", self + "value.bias");
            built.add(new Layer(
                    qkv,
                    qkvBias,
                    load.tensor(l + "attention.output.dense.weight"),
                    load.tensor(l + "attention.output.dense.bias"),
                    load.tensor(l + "attention.output.LayerNorm.weight"),
                    load.tensor(l + "attention.output.LayerNorm.bias"),
                    load.tensor(l + "intermediate.dense.weight"),
                    load.tensor(l + "intermediate.dense.bias"),
                    load.tensor(l + "output.dense.weight"),
                    load.tensor(l + "output.dense.bias"),
                    load.tensor(l + "output.LayerNorm.weight"),
                    load.tensor(l + "output.LayerNorm.bias")));
        }
        if (built.isEmpty()) {
            throw new IllegalStateException("no encoder layers found in the ONNX weights");
        }
        this.layers = List.copyOf(built);
    }

    private record Loader(Map<String, OnnxWeights.Tensor> tensors, NDManager manager, String prefix) {

        NDArray tensor(String name) {
            OnnxWeights.Tensor tensor = tensors.get(prefix + name);
            if (tensor == null) {
                throw new IllegalStateException("encoder weight '" + prefix + name + "' is missing from the ONNX file");
            }
            return manager.create(tensor.values(), new Shape(tensor.shape()));
        }

        /** The named tensors joined along {@code axis} into one, the parts freed at once. */
        NDArray fused(int axis, String... names) {
            NDList parts = new NDList();
            for (String name : names) {
                parts.add(tensor(name));
            }
            NDArray joined = NDArrays.concat(parts, axis);
            parts.close();
            return joined;
        }
    }
}
