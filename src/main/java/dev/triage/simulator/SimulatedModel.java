package dev.triage.simulator;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The demo's two simulated models. They differ the way real strong and weak models do: the strong one is slower and
 * answers at length, the weak one is fast and terse. Their prices live in the gateway's model config, not here.
 */
enum SimulatedModel {
    STRONG("sim-strong", Duration.ofMillis(350), Duration.ofMillis(12), true),
    WEAK("sim-weak", Duration.ofMillis(60), Duration.ofMillis(3), false);

    final String id;
    /** Delay before the first token, as a real model's time to first token. */
    final Duration firstToken;
    /** Delay between streamed tokens. */
    final Duration perToken;

    final boolean thorough;

    SimulatedModel(String id, Duration firstToken, Duration perToken, boolean thorough) {
        this.id = id;
        this.firstToken = firstToken;
        this.perToken = perToken;
        this.thorough = thorough;
    }

    static Optional<SimulatedModel> byId(String id) {
        return Arrays.stream(values()).filter(model -> model.id.equals(id)).findFirst();
    }

    /** Time a whole non-streamed answer of {@code tokens} tokens takes. */
    Duration latency(int tokens) {
        return firstToken.plus(perToken.multipliedBy(tokens));
    }
}
