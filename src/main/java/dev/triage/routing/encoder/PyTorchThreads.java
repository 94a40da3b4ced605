package dev.triage.routing.encoder;

/**
 * The PyTorch engine's thread settings for the gateway: one intra-op and one inter-op thread, since each router worker
 * encodes one batch at a time (measured faster than two threads sharing every request, see benchmarks/README.md).
 * JVM-wide system properties, read once when the engine starts, so this must run before the first encoder loads; an
 * explicit {@code -D} wins.
 */
public final class PyTorchThreads {

    private PyTorchThreads() {}

    public static void onePerWorker() {
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        setIfAbsent("ai.djl.offline", "true");
    }

    private static void setIfAbsent(String name, String value) {
        System.setProperty(name, System.getProperty(name, value));
    }
}
