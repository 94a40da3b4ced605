import java.util.List;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

/** Prints {"text": ..., "embedding": [...]} lines for the texts of the encoder's golden test. */
public class GoldenEmbeddings {

    public static void main(String[] args) {
        AllMiniLmL6V2EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();
        for (String text : List.of("This is an example sentence",
                "Write a Python function that checks whether a string is a palindrome.",
                "Explain, step by step, why the sum of the angles of a triangle is 180 degrees in Euclidean geometry "
                        + "and what changes on a sphere.",
                "hi")) {
            float[] vector = model.embed(text).content().vector();
            StringBuilder line = new StringBuilder("{\"text\":\"" + text + "\",\"embedding\":[");
            for (int i = 0; i < vector.length; i++) {
                line.append(i == 0 ? "" : ",").append(vector[i]);
            }
            System.out.println(line.append("]}"));
        }
    }
}
