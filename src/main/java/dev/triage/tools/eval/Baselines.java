package dev.triage.tools.eval;

import java.util.List;
import java.util.Random;

/** The routers a learned one must beat: random scores, and "longer prompts are harder". */
public final class Baselines {

    private Baselines() {}

    public static double[] random(int size, long seed) {
        Random random = new Random(seed);
        double[] scores = new double[size];
        for (int i = 0; i < size; i++) {
            scores[i] = random.nextDouble();
        }
        return scores;
    }

    public static double[] promptLength(List<String> prompts) {
        return prompts.stream().mapToDouble(String::length).toArray();
    }
}
