package dev.triage.tools.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A learned router's scores next to the random and prompt-length baselines, on the same rows. */
public final class Comparison {

    /** APGR, CPT(50%) and CPT(80%) of one router on the rows (random: the mean over {@link #RANDOM_SEEDS} seeds). */
    public record Metrics(String router, int rows, double apgr, double cpt50, double cpt80) {

        public String line() {
            return String.format(
                    Locale.ROOT, "| %-14s | %5d | %6.3f | %7.1f%% | %7.1f%% |", router, rows, apgr, cpt50, cpt80);
        }

        public Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("rows", rows);
            map.put("apgr", round(apgr));
            map.put("cpt50", round(cpt50));
            map.put("cpt80", round(cpt80));
            return map;
        }
    }

    public static final String HEADER = "| router         |  rows |  APGR  | CPT(50%) | CPT(80%) |\n"
            + "|----------------|-------|--------|----------|----------|";
    static final int RANDOM_SEEDS = 100;

    private Comparison() {}

    public static List<Metrics> of(String routerName, double[] scores, List<EvalRow> rows) {
        double[] strong = rows.stream().mapToDouble(EvalRow::strongScore).toArray();
        double[] weak = rows.stream().mapToDouble(EvalRow::weakScore).toArray();
        List<Metrics> metrics = new ArrayList<>();
        metrics.add(metrics(routerName, RouterCurve.of(scores, strong, weak), rows.size()));
        double apgr = 0;
        double cpt50 = 0;
        double cpt80 = 0;
        for (int seed = 0; seed < RANDOM_SEEDS; seed++) {
            RouterCurve curve = RouterCurve.of(Baselines.random(rows.size(), seed), strong, weak);
            apgr += curve.apgr() / RANDOM_SEEDS;
            cpt50 += curve.cpt(0.5) / RANDOM_SEEDS;
            cpt80 += curve.cpt(0.8) / RANDOM_SEEDS;
        }
        metrics.add(new Metrics("random", rows.size(), apgr, cpt50, cpt80));
        metrics.add(metrics(
                "prompt-length",
                RouterCurve.of(
                        Baselines.promptLength(
                                rows.stream().map(EvalRow::prompt).toList()),
                        strong,
                        weak),
                rows.size()));
        return metrics;
    }

    private static Metrics metrics(String name, RouterCurve curve, int rows) {
        return new Metrics(name, rows, curve.apgr(), curve.cpt(0.5), curve.cpt(0.8));
    }

    private static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
