package dev.triage.tools.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.triage.tools.training.Battle;

/**
 * Evaluation rows for a strong/weak pair from their head-to-head battles: per prompt, {@code weak_score} is the share of
 * judgments that preferred the weak model's answer and {@code strong_score} the rest, so the quality of a routing is the
 * chance that the answer it picked is the one the judge preferred.
 */
public final class PairRows {

    private PairRows() {}

    public static List<EvalRow> of(List<Battle> battles, String strong, String weak, Predicate<String> prompts) {
        Map<String, double[]> tallies = new LinkedHashMap<>();
        Map<String, String> subsets = new LinkedHashMap<>();
        for (Battle battle : battles) {
            double weakWins;
            if (battle.modelA().equals(strong) && battle.modelB().equals(weak)) {
                weakWins = 1 - battle.aWins();
            } else if (battle.modelA().equals(weak) && battle.modelB().equals(strong)) {
                weakWins = battle.aWins();
            } else {
                continue;
            }
            if (!prompts.test(battle.prompt())) {
                continue;
            }
            double[] tally = tallies.computeIfAbsent(battle.prompt(), key -> new double[2]);
            tally[0] += weakWins;
            tally[1]++;
            subsets.put(battle.prompt(), battle.subset());
        }
        List<EvalRow> rows = new ArrayList<>();
        int id = 0;
        for (Map.Entry<String, double[]> entry : tallies.entrySet()) {
            double weakScore = entry.getValue()[0] / entry.getValue()[1];
            rows.add(new EvalRow("p" + id++, subsets.get(entry.getKey()), entry.getKey(), 1 - weakScore, weakScore));
        }
        return rows;
    }
}
