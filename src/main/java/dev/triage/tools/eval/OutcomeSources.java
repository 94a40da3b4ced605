package dev.triage.tools.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.triage.tools.training.Battle;
import dev.triage.tools.training.BattleFile;
import dev.triage.tools.training.ScoreBattles;
import dev.triage.tools.training.ScoreFile;
import dev.triage.tools.training.TrainingData;

/**
 * Every outcome the trainer learns from, under one naming of the models: per source, the battles the win-rate model
 * learns from (judged battles as they are; from scores, the source's strong model against each other model), and the
 * sources that can judge a router: a strong and a weak model on the same prompts, at least {@link #MIN_PROMPTS} of
 * them, the strong one better on the whole.
 */
public record OutcomeSources(List<SourcePairs> judged, Map<String, List<Battle>> battles) {

    public static final int MIN_PROMPTS = 50;

    public static OutcomeSources read(TrainingData data, List<Path> battleFiles, List<Path> scoreFiles)
            throws IOException {
        List<SourcePairs> pairs = new ArrayList<>();
        Map<String, List<Battle>> battles = new LinkedHashMap<>();
        for (Path file : battleFiles) {
            String source = data.sourceOfFile(file);
            List<Battle> named = BattleFile.read(file).stream()
                    .map(b -> new Battle(
                            b.prompt(), data.canonical(b.modelA()), data.canonical(b.modelB()), b.aWins(), source))
                    .toList();
            battles.put(source, named);
            Set<String> models = new HashSet<>();
            named.forEach(b -> models.addAll(List.of(b.modelA(), b.modelB())));
            data.pairAmong(models)
                    .map(pair -> SourcePairs.ofBattles(source, named, pair.get(0), pair.get(1)))
                    .ifPresent(pairs::add);
        }
        for (Path file : scoreFiles) {
            for (ScoreFile.Source source : ScoreFile.read(file, data)) {
                SourcePairs.of(source, data).ifPresent(pairs::add);
                battles.put(source.key(), ScoreBattles.of(source, data));
            }
        }
        List<SourcePairs> judged = pairs.stream()
                .filter(source -> source.rows().size() >= MIN_PROMPTS && source.strongIsBetter())
                .toList();
        return new OutcomeSources(judged, battles);
    }

    /** Every prompt of every source, once. */
    public List<String> prompts() {
        Set<String> prompts = new LinkedHashSet<>();
        judged.forEach(source -> source.rows().forEach(row -> prompts.add(row.prompt())));
        battles.values().stream().flatMap(List::stream).forEach(battle -> prompts.add(battle.prompt()));
        return List.copyOf(prompts);
    }

    /** Every battle of every source. */
    public Stream<Battle> allBattles() {
        return battles.values().stream().flatMap(List::stream);
    }
}
