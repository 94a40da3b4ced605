package dev.triage.routing.learned;

/** The little linear algebra the heads need, on plain arrays. */
final class Vectors {

    private Vectors() {}

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** {@code matrix · vector} for a row-major {@code rows x vector.length} matrix. */
    static float[] multiply(float[][] matrix, float[] vector) {
        float[] out = new float[matrix.length];
        for (int r = 0; r < matrix.length; r++) {
            out[r] = (float) dot(matrix[r], vector);
        }
        return out;
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
