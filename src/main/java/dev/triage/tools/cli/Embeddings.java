package dev.triage.tools.cli;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.triage.routing.encoder.BertEncoder;

/** Embeds many prompts at once, one encoder call per core. */
final class Embeddings {

    private Embeddings() {}

    static Map<String, float[]> of(BertEncoder encoder, Collection<String> prompts) throws Exception {
        Map<String, float[]> embeddings = new ConcurrentHashMap<>();
        List<String> unique = List.copyOf(new LinkedHashSet<>(prompts));
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = unique.stream()
                    .<Future<?>>map(prompt -> pool.submit(() -> embeddings.put(prompt, encoder.encode(prompt))))
                    .toList();
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        return embeddings;
    }
}
