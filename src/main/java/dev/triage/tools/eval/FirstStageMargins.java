package dev.triage.tools.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The first stage's margin, chosen on the same folds as the heads: at each margin, every source is routed by its
 * first-stage scores where their rank is further than the margin from the threshold's, by the encoder's elsewhere, and
 * scored like any router (mean APGR over the sources), with the share of prompts the encoder had to see. The chosen
 * margin is the best APGR among those that leave the encoder at most {@link #ENCODER_BUDGET} of the prompts: the
 * share that lets two cores make 300 decisions a second (the encoder manages about 100).
 */
public final class FirstStageMargins {

    public static final double ENCODER_BUDGET = 0.30;
    private static final double[] MARGINS = {0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 1};

    /** One margin: the two stages' mean APGR and the mean share of prompts left to the encoder. */
    public record Row(double margin, double apgr, double encoderShare) {

        Map<String, Object> asMap() {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("margin", margin);
            row.put("apgr", Math.round(apgr * 10000) / 10000.0);
            row.put("encoderShare", Math.round(encoderShare * 10000) / 10000.0);
            return row;
        }
    }

    private final List<Row> rows;

    private FirstStageMargins(List<Row> rows) {
        this.rows = rows;
    }

    /**
     * @param first each source's first-stage scores by the fold that left it out
     * @param encoder the encoder router's, likewise
     */
    public static FirstStageMargins leftOut(List<SourcePairs> sources, List<double[]> first, List<double[]> encoder) {
        List<Row> rows = new ArrayList<>();
        for (double margin : MARGINS) {
            double apgr = 0;
            double share = 0;
            for (int s = 0; s < sources.size(); s++) {
                List<EvalRow> evalRows = sources.get(s).rows();
                double[] strong =
                        evalRows.stream().mapToDouble(EvalRow::strongScore).toArray();
                double[] weak =
                        evalRows.stream().mapToDouble(EvalRow::weakScore).toArray();
                double[] ranks = ranks(first.get(s));
                List<boolean[]> routings = new ArrayList<>();
                int unsure = 0;
                for (int step = 0; step <= RouterCurve.STEPS; step++) {
                    double cut = (double) step / RouterCurve.STEPS;
                    boolean[] byEncoder = RouterCurve.routing(encoder.get(s), step);
                    boolean[] routing = new boolean[ranks.length];
                    for (int i = 0; i < ranks.length; i++) {
                        boolean decided = !Double.isNaN(ranks[i]) && Math.abs(ranks[i] - cut) > margin;
                        routing[i] = decided ? ranks[i] > cut : byEncoder[i];
                        unsure += decided || step == 0 || step == RouterCurve.STEPS ? 0 : 1;
                    }
                    routings.add(routing);
                }
                double sourceApgr = RouterCurve.of(routings, strong, weak).apgr();
                apgr += Double.isNaN(sourceApgr) ? 0.5 : sourceApgr;
                share += (double) unsure / ranks.length / (RouterCurve.STEPS - 1);
            }
            rows.add(new Row(margin, apgr / sources.size(), share / sources.size()));
        }
        return new FirstStageMargins(rows);
    }

    /** Each score's rank among {@code scores}, 0-1 (NaN stays NaN: that stage cannot decide). */
    private static double[] ranks(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double[] ranks = new double[scores.length];
        for (int k = 0; k < order.length; k++) {
            ranks[order[k]] = Double.isNaN(scores[order[k]]) ? Double.NaN : (k + 0.5) / order.length;
        }
        return ranks;
    }

    /** The best mean APGR among the margins within the encoder budget. */
    public Row best() {
        return rows.stream()
                .filter(row -> row.encoderShare() <= ENCODER_BUDGET)
                .max((a, b) -> Double.compare(a.apgr(), b.apgr()))
                .orElseThrow();
    }

    public void print() {
        System.out.println("| first-stage margin | mean APGR, both stages | prompts the encoder sees |");
        System.out.println("|---|---|---|");
        rows.forEach(row -> System.out.printf(
                Locale.ROOT,
                "| %s | %.3f | %.1f%% |%n",
                row.margin() >= 1 ? "1 (encoder only)" : String.format(Locale.ROOT, "%.2f", row.margin()),
                row.apgr(),
                100 * row.encoderShare()));
    }

    public List<Map<String, Object>> asList() {
        return rows.stream().map(Row::asMap).toList();
    }
}
