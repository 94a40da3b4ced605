package dev.triage.tools.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RidgeTest {

    @Test
    void recoversALineAndWeighsRows() {
        float[][] x = {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {2, 1}};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 2 * x[i][0] - 3 * x[i][1] + 1;
        }
        Ridge exact = Ridge.fit(x, y, new double[] {1, 1, 1, 1, 1}, 0);
        assertThat(exact.predict(new float[] {3, 2})).isCloseTo(1.0, within(1e-6));

        // a row with no weight does not count; a heavy penalty shrinks the weights but never the intercept
        double[] skewed = y.clone();
        skewed[4] = 100;
        Ridge ignoring = Ridge.fit(x, skewed, new double[] {1, 1, 1, 1, 0}, 0);
        assertThat(ignoring.predict(new float[] {3, 2})).isCloseTo(1.0, within(1e-6));
        Ridge shrunk = Ridge.fit(x, new double[] {5, 5, 5, 5, 5}, new double[] {1, 1, 1, 1, 1}, 1e6);
        assertThat(shrunk.predict(new float[] {7, -7})).isCloseTo(5.0, within(1e-3));
    }
}
