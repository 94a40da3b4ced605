package dev.triage.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.triage.tools.training.Battle;
import dev.triage.tools.training.TrainingData;

class OutcomeSourcesTest {

    private static final String DATA = """
            {"models": {
              "gpt-4-turbo": {"tier": "strong", "aliases": ["gpt-4-1106-preview"]},
              "mixtral-8x7b": {"tier": "weak", "aliases": ["mixtral-8x7b-instruct-v0.1", "mistralai/mixtral-8x7b-chat"]}
            },
             "sources": {"chat_eval": {"kind": "chat", "file": "battles"}}}
            """;

    @Test
    void everyFileIsReadUnderOneNamingAndOnlySourcesThatCanJudgeAreJudged(@TempDir Path dir) throws Exception {
        Path data = Files.writeString(dir.resolve("training-data.json"), DATA);
        // 60 judged battles of the pair, under their file's spelling, the strong model winning 2 in 3
        Path battles = Files.writeString(
                dir.resolve("battles.jsonl"),
                lines(
                        60,
                        i -> "{\"prompt\": \"chat %d\", \"model_a\": \"gpt-4-1106-preview\", \"model_b\": ".formatted(i)
                                + "\"mixtral-8x7b-instruct-v0.1\", \"winner\": \""
                                + (i % 3 == 0 ? "model_b" : "model_a")
                                + "\"}"));
        // battles without the pair: for the win-rate model only
        Path others = Files.writeString(
                dir.resolve("others.battles.jsonl"),
                "{\"prompt\": \"haiku\", \"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"tie\"}\n");
        // a task with too few prompts, and one where the weak model is better: neither can judge a router
        Path scores = Files.writeString(
                dir.resolve("bench.scores.jsonl"),
                lines(
                                10,
                                i -> score("few", i, "gpt-4-1106-preview", 1) + "\n"
                                        + score("few", i, "mistralai/mixtral-8x7b-chat", 0))
                        + "\n"
                        + lines(
                                60,
                                i -> score("upside", i, "gpt-4-1106-preview", 0) + "\n"
                                        + score("upside", i, "mistralai/mixtral-8x7b-chat", 1)));

        OutcomeSources sources =
                OutcomeSources.read(TrainingData.read(data), List.of(battles, others), List.of(scores));

        assertThat(sources.judged()).extracting(SourcePairs::source).containsExactly("chat_eval");
        SourcePairs chat = sources.judged().getFirst();
        assertThat(List.of(chat.strong(), chat.weak())).containsExactly("gpt-4-turbo", "mixtral-8x7b");
        assertThat(chat.rows()).hasSize(60);
        assertThat(sources.battles().keySet()).containsExactly("chat_eval", "others", "bench/few", "bench/upside");
        assertThat(sources.battles().get("chat_eval"))
                .extracting(Battle::modelA, Battle::modelB)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("gpt-4-turbo", "mixtral-8x7b"));
        assertThat(sources.battles().get("bench/few")).hasSize(10);
        assertThat(sources.prompts()).hasSize(60 + 1 + 10 + 60).contains("haiku", "few 3", "upside 59");
    }

    private static String score(String task, int i, String model, double score) {
        return "{\"prompt\": \"%s %d\", \"model\": \"%s\", \"score\": %s, \"task\": \"%s\"}"
                .formatted(task, i, model, score, task);
    }

    private static String lines(int count, java.util.function.IntFunction<String> line) {
        return IntStream.range(0, count).mapToObj(line).collect(Collectors.joining("\n"));
    }
}
