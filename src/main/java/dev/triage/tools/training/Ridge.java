package dev.triage.tools.training;

/**
 * Weighted ridge regression, solved exactly (normal equations, Cholesky): {@code y ~ w . x + b}, with {@code lambda}
 * on the weights and none on the intercept. Small and deterministic: a baseline head that the leave-one-source-out
 * validation can refit once per source in seconds.
 */
public final class Ridge {

    private final double[] weights;
    private final double intercept;

    private Ridge(double[] weights, double intercept) {
        this.weights = weights;
        this.intercept = intercept;
    }

    public static Ridge fit(float[][] features, double[] targets, double[] rowWeights, double lambda) {
        int d = features[0].length + 1;
        double[][] gram = new double[d][d];
        double[] moment = new double[d];
        double[] row = new double[d];
        for (int i = 0; i < features.length; i++) {
            for (int j = 0; j < d - 1; j++) {
                row[j] = features[i][j];
            }
            row[d - 1] = 1;
            double w = rowWeights[i];
            for (int j = 0; j < d; j++) {
                double wj = w * row[j];
                moment[j] += wj * targets[i];
                for (int k = 0; k <= j; k++) {
                    gram[j][k] += wj * row[k];
                }
            }
        }
        for (int j = 0; j < d - 1; j++) {
            gram[j][j] += lambda;
        }
        gram[d - 1][d - 1] += 1e-9;
        double[] solution = solve(gram, moment);
        double[] weights = new double[d - 1];
        System.arraycopy(solution, 0, weights, 0, d - 1);
        return new Ridge(weights, solution[d - 1]);
    }

    public double[] weights() {
        return weights.clone();
    }

    public double intercept() {
        return intercept;
    }

    public double predict(float[] x) {
        double sum = intercept;
        for (int j = 0; j < weights.length; j++) {
            sum += weights[j] * x[j];
        }
        return sum;
    }

    /** Solves {@code a x = b} for a symmetric positive definite {@code a} given by its lower triangle. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j][j];
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * y[k];
            }
            y[i] = sum / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = y[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k][i] * x[k];
            }
            x[i] = sum / l[i][i];
        }
        return x;
    }
}
