package dev.triage.tools.training;

/** Adam for one parameter array; sparse users step only the rows they touched (lazy Adam). */
final class Adam {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final float[] m;
    private final float[] v;
    private final double learningRate;
    private int steps;

    Adam(int size, double learningRate) {
        this.m = new float[size];
        this.v = new float[size];
        this.learningRate = learningRate;
    }

    void step(float[] parameters, float[] gradient) {
        steps++;
        double correction1 = 1 - Math.pow(BETA1, steps);
        double correction2 = 1 - Math.pow(BETA2, steps);
        for (int i = 0; i < parameters.length; i++) {
            m[i] = (float) (BETA1 * m[i] + (1 - BETA1) * gradient[i]);
            v[i] = (float) (BETA2 * v[i] + (1 - BETA2) * gradient[i] * gradient[i]);
            parameters[i] -= (float) (learningRate * (m[i] / correction1) / (Math.sqrt(v[i] / correction2) + EPSILON));
        }
    }
}
