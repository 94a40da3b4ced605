package dev.triage.routing.encoder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The float weights of an ONNX BERT export, by their Hugging Face names. Embedding, bias and LayerNorm tensors keep
 * their names in the file; the matrices of the linear layers are anonymous ({@code onnx::MatMul_885}), so each is named
 * after the bias its {@code MatMul} output is added to ({@code x.bias} makes the matrix {@code x.weight}). Matrices keep
 * ONNX's {@code [in, out]} layout, the one {@code x @ W} needs.
 */
final class OnnxWeights {

    private static final int FLOAT = 1;

    /** A tensor's shape and its float32 values. */
    record Tensor(long[] shape, FloatBuffer values) {}

    private OnnxWeights() {}

    static Map<String, Tensor> read(InputStream onnx) throws IOException {
        byte[] file = onnx.readAllBytes();
        Protobuf model = new Protobuf(file, 0, file.length);
        Protobuf graph = null;
        while (model.hasMore()) {
            int key = model.readKey();
            if (key >>> 3 == 7 && (key & 7) == Protobuf.LENGTH_DELIMITED) {
                graph = model.readMessage();
            } else {
                model.skip(key & 7);
            }
        }
        if (graph == null) {
            throw new IOException("not an ONNX model: no graph");
        }
        Map<String, Tensor> initializers = new HashMap<>();
        List<Node> nodes = new ArrayList<>();
        while (graph.hasMore()) {
            int key = graph.readKey();
            if (key >>> 3 == 1) {
                nodes.add(Node.read(graph.readMessage()));
            } else if (key >>> 3 == 5) {
                readTensor(graph.readMessage(), initializers);
            } else {
                graph.skip(key & 7);
            }
        }
        return nameMatrices(initializers, nodes);
    }

    private static Map<String, Tensor> nameMatrices(Map<String, Tensor> initializers, List<Node> nodes) {
        Map<String, String> addedBias = new HashMap<>();
        for (Node node : nodes) {
            if (node.op().equals("Add")) {
                for (String input : node.inputs()) {
                    if (input.endsWith(".bias") && initializers.containsKey(input)) {
                        node.inputs().forEach(other -> addedBias.put(other, input));
                    }
                }
            }
        }
        Map<String, Tensor> named = new HashMap<>();
        initializers.forEach((name, tensor) -> {
            if (!name.startsWith("onnx::")) {
                named.put(name, tensor);
            }
        });
        for (Node node : nodes) {
            if (node.op().equals("MatMul")
                    && node.inputs().size() == 2
                    && initializers.containsKey(node.inputs().get(1))) {
                String bias = addedBias.get(node.outputs().getFirst());
                if (bias != null) {
                    named.put(
                            bias.substring(0, bias.length() - ".bias".length()) + ".weight",
                            initializers.get(node.inputs().get(1)));
                }
            }
        }
        return named;
    }

    private static void readTensor(Protobuf tensor, Map<String, Tensor> into) {
        List<Long> dims = new ArrayList<>();
        int type = 0;
        String name = null;
        int rawStart = -1;
        int rawLength = 0;
        List<Float> floats = new ArrayList<>();
        while (tensor.hasMore()) {
            int key = tensor.readKey();
            int field = key >>> 3;
            int wire = key & 7;
            if (field == 1 && wire == Protobuf.VARINT) {
                dims.add(tensor.readVarint());
            } else if (field == 1 && wire == Protobuf.LENGTH_DELIMITED) {
                Protobuf packed = tensor.readMessage();
                while (packed.hasMore()) {
                    dims.add(packed.readVarint());
                }
            } else if (field == 2) {
                type = (int) tensor.readVarint();
            } else if (field == 8) {
                name = tensor.readString();
            } else if (field == 9) {
                rawLength = (int) tensor.readVarint();
                rawStart = tensor.start();
                tensor.skipBytes(rawLength);
            } else if (field == 4 && wire == Protobuf.LENGTH_DELIMITED) {
                Protobuf packed = tensor.readMessage();
                ByteBuffer buffer = ByteBuffer.wrap(packed.data(), packed.start(), packed.end() - packed.start())
                        .order(ByteOrder.LITTLE_ENDIAN);
                while (buffer.remaining() >= 4) {
                    floats.add(buffer.getFloat());
                }
            } else {
                tensor.skip(wire);
            }
        }
        if (type != FLOAT || name == null) {
            return;
        }
        float[] values;
        if (rawStart >= 0) {
            values = new float[rawLength / 4];
            ByteBuffer.wrap(tensor.data(), rawStart, rawLength)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .asFloatBuffer()
                    .get(values);
        } else {
            values = new float[floats.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = floats.get(i);
            }
        }
        into.put(name, new Tensor(dims.stream().mapToLong(Long::longValue).toArray(), FloatBuffer.wrap(values)));
    }

    private record Node(String op, List<String> inputs, List<String> outputs) {

        static Node read(Protobuf node) {
            List<String> inputs = new ArrayList<>();
            List<String> outputs = new ArrayList<>();
            String op = "";
            while (node.hasMore()) {
                int key = node.readKey();
                switch (key >>> 3) {
                    case 1 -> inputs.add(node.readString());
                    case 2 -> outputs.add(node.readString());
                    case 4 -> op = node.readString();
                    default -> node.skip(key & 7);
                }
            }
            return new Node(op, inputs, outputs);
        }
    }
}
