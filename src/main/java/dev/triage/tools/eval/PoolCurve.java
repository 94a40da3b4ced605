package dev.triage.tools.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Quality against cost when each prompt of a held-out source goes to one model of a pool, by the win-rate model's
 * prediction (cost-first and hybrid over all the pool, or the two-model router), by chance, or always to one model.
 * A curve is the set of points its knob traces (tolerance, weight, threshold, mixing share); each point is the mean
 * score of the chosen models and their mean expected cost over the prompts.
 */
public final class PoolCurve {

    /**
     * One held-out prompt: each pool model's score (1 = right), what its answer costs, and the win-rate model's logit
     * {@code s(m, prompt)}, so that {@code P(a beats b) = sigmoid(logit(a) - logit(b))}.
     */
    public record Prompt(Map<String, Double> score, Map<String, Double> cost, Map<String, Double> logit) {

        String best() {
            return logit.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .orElseThrow()
                    .getKey();
        }

        double beats(String a, String b) {
            return 1 / (1 + Math.exp(logit.get(b) - logit.get(a)));
        }
    }

    public record Point(double cost, double quality) {}

    public record Curve(String label, List<Point> points) {

        /** The best quality of the points that cost at most {@code budget}; NaN when none does. */
        public double qualityWithin(double budget) {
            return points.stream()
                    .filter(point -> point.cost() <= budget * (1 + 1e-9))
                    .mapToDouble(Point::quality)
                    .max()
                    .orElse(Double.NaN);
        }

        /** The least cost of the points that reach {@code quality}; NaN when none does. */
        public double costToReach(double quality) {
            return points.stream()
                    .filter(point -> point.quality() >= quality - 1e-9)
                    .mapToDouble(Point::cost)
                    .min()
                    .orElse(Double.NaN);
        }
    }

    private final List<Prompt> prompts;
    private final List<String> pool;

    public PoolCurve(List<Prompt> prompts, List<String> pool) {
        this.prompts = List.copyOf(prompts);
        this.pool = List.copyOf(pool);
    }

    /** Each prompt to the model {@code choice} picks for it. */
    private Point route(Function<Prompt, String> choice) {
        double cost = 0;
        double quality = 0;
        for (Prompt prompt : prompts) {
            String model = choice.apply(prompt);
            cost += prompt.cost().get(model);
            quality += prompt.score().get(model);
        }
        return new Point(cost / prompts.size(), quality / prompts.size());
    }

    public Point always(String model) {
        return route(prompt -> model);
    }

    /** The cheapest model that answers right, or the cheapest when none does: what a perfect router would reach. */
    public Point oracle() {
        return route(prompt -> pool.stream()
                .min(Comparator.comparingDouble((String model) -> prompt.score().get(model) > 0.5 ? 0 : 1)
                        .thenComparingDouble(model -> prompt.cost().get(model)))
                .orElseThrow());
    }

    /** The cheapest model predicted to beat the prompt's predicted best with probability >= 0.5 - tolerance. */
    public Curve costFirst() {
        List<Point> points = new ArrayList<>();
        for (int step = 0; step <= 100; step++) {
            double tolerance = step * 0.005;
            points.add(route(prompt -> {
                String best = prompt.best();
                return pool.stream()
                        .filter(model -> prompt.beats(model, best) >= 0.5 - tolerance - 1e-12)
                        .min(Comparator.comparingDouble(model -> prompt.cost().get(model)))
                        .orElse(best);
            }));
        }
        return new Curve("learned-multi, cost-first (tolerance 0-0.5)", points);
    }

    /** The highest {@code P(m beats the predicted best) - weight x cost / the pool's costliest answer}. */
    public Curve hybrid() {
        List<Point> points = new ArrayList<>();
        for (int step = 0; step <= 200; step++) {
            double weight = step * 0.025;
            points.add(route(prompt -> {
                String best = prompt.best();
                double costliest =
                        pool.stream().mapToDouble(prompt.cost()::get).max().orElseThrow();
                return pool.stream()
                        .max(Comparator.comparingDouble(model -> prompt.beats(model, best)
                                - weight * prompt.cost().get(model) / costliest))
                        .orElseThrow();
            }));
        }
        return new Curve("learned-multi, hybrid (weight 0-5)", points);
    }

    /** The strong model when {@code P(strong beats weak)} reaches the threshold, else the weak one. */
    public Curve twoModel(String strong, String weak) {
        List<Point> points = new ArrayList<>();
        for (int step = 0; step <= 200; step++) {
            double threshold = step * 0.005;
            points.add(route(prompt -> prompt.beats(strong, weak) >= threshold ? strong : weak));
        }
        return new Curve("two-model router, " + strong + " / " + weak + " (threshold 0-1)", points);
    }

    /** Each prompt to {@code a} with probability p, else to {@code b}, for p from 0 to 1 (its expected value). */
    public Curve randomMix(String a, String b) {
        return new Curve("random, " + a + " / " + b, mixes(always(a), always(b)));
    }

    /** Random mixes of any two of the pool's models: the best any router blind to the prompt can do. */
    public Curve randomAmongAll() {
        List<Point> points = new ArrayList<>();
        for (String a : pool) {
            for (String b : pool) {
                points.addAll(mixes(always(a), always(b)));
            }
        }
        return new Curve("random mixes of any two models (their upper hull)", points);
    }

    private static List<Point> mixes(Point a, Point b) {
        List<Point> points = new ArrayList<>();
        for (int step = 0; step <= 100; step++) {
            double share = step / 100.0;
            points.add(new Point(
                    share * a.cost() + (1 - share) * b.cost(), share * a.quality() + (1 - share) * b.quality()));
        }
        return points;
    }
}
