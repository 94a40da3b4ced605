package dev.triage.simulator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code triage.simulator.*}: the built-in simulated upstream used by the demo configuration. */
@ConfigMapping(prefix = "triage.simulator")
public interface SimulatorConfig {

    /** Serve {@code /simulated/v1}: the demo; off in production so that nothing answers as a fake model. */
    @WithDefault("false")
    boolean enabled();

    /**
     * The key the gateway's provider {@code simulated} sends to the simulated upstream: drawn at each start
     * ({@link SimulatorTokenSource}); set it only to call the simulator from another process.
     */
    String token();

    /** Multiplies the simulated models' delays; 0 answers at once (benchmarks that measure the gateway alone). */
    @WithDefault("1")
    double latencyScale();
}
