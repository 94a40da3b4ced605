package dev.triage.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class FirstStageMarginsTest {

    private static final int PROMPTS = 400;

    /**
     * Half the prompts need the strong model. The encoder's scores rank them perfectly; the first stage's are right at
     * the ends and noise in the middle, so the more it leaves to the encoder, the better the pair, and at margin 1 the
     * pair is the encoder.
     */
    @Test
    void widerMarginsLeaveMoreToTheEncoderAndTheEndsAreTheStagesAlone() {
        Random random = new Random(7);
        List<EvalRow> rows = new ArrayList<>();
        double[] encoder = new double[PROMPTS];
        double[] first = new double[PROMPTS];
        for (int i = 0; i < PROMPTS; i++) {
            double difficulty = (double) i / PROMPTS;
            boolean needsStrong = difficulty >= 0.5;
            rows.add(new EvalRow("p" + i, "s", "prompt " + i, 1, needsStrong ? 0 : 1));
            encoder[i] = difficulty;
            first[i] = Math.abs(difficulty - 0.5) > 0.3 ? difficulty : random.nextDouble();
        }
        SourcePairs source = new SourcePairs("s", "strong", "weak", rows, Map.of());
        FirstStageMargins margins =
                FirstStageMargins.leftOut(List.of(source, source), List.of(first, first), List.of(encoder, encoder));

        List<Map<String, Object>> table = margins.asList();
        double encoderAlone = RouterCurve.of(encoder, strong(rows), weak(rows)).apgr();
        double firstAlone = RouterCurve.of(first, strong(rows), weak(rows)).apgr();
        assertThat((double) table.getFirst().get("apgr")).isCloseTo(firstAlone, within(1e-4));
        assertThat((double) table.getFirst().get("encoderShare")).isZero();
        assertThat((double) table.getLast().get("apgr")).isCloseTo(encoderAlone, within(1e-4));
        assertThat((double) table.getLast().get("encoderShare")).isEqualTo(1.0);
        for (int i = 1; i < table.size(); i++) {
            assertThat((double) table.get(i).get("encoderShare"))
                    .isGreaterThanOrEqualTo((double) table.get(i - 1).get("encoderShare"));
        }
        FirstStageMargins.Row best = margins.best();
        assertThat(best.encoderShare()).isLessThanOrEqualTo(FirstStageMargins.ENCODER_BUDGET);
        assertThat(best.apgr()).isGreaterThan(firstAlone);
    }

    private static double[] strong(List<EvalRow> rows) {
        return rows.stream().mapToDouble(EvalRow::strongScore).toArray();
    }

    private static double[] weak(List<EvalRow> rows) {
        return rows.stream().mapToDouble(EvalRow::weakScore).toArray();
    }
}
