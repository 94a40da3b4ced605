package dev.triage.providers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import io.smallrye.mutiny.Uni;

/**
 * Calls the models of a chain in order until one answers. A model's own retries happen inside its call; the chain moves
 * on only for failures another model could fix, never for a bad request. Every model tried is recorded, with its number
 * of tries and how it ended, for the client's headers and the logs.
 */
public final class FallbackChain {

    /** One model tried: how many times, and {@code ok} or the error code it ended with. */
    public record Attempt(String model, int tries, String outcome) {

        @Override
        public String toString() {
            return model + ";tries=" + tries + ";" + ("ok".equals(outcome) ? "ok" : "error=" + outcome);
        }
    }

    /** The model that answered (at {@code index} of the chain), its answer, and every model tried up to it. */
    public record Answer<T>(int index, ModelTarget target, T value, List<Attempt> attempts) {}

    /** Raised when every step failed (or one failed in a way no other model can fix), with what was tried. */
    public record Exhausted(Throwable failure, List<Attempt> attempts) {}

    private FallbackChain() {}

    /**
     * Runs {@code call(model, onTry)} on each model in turn. On total failure the last failure is raised, with
     * {@code onExhausted} given the attempts first (to put them on the error response).
     */
    public static <T> Uni<Answer<T>> run(
            List<ModelTarget> steps, BiFunction<ModelTarget, Runnable, Uni<T>> call, Consumer<Exhausted> onExhausted) {
        return next(steps, 0, new ArrayList<>(), call, onExhausted);
    }

    private static <T> Uni<Answer<T>> next(
            List<ModelTarget> steps,
            int index,
            List<Attempt> attempts,
            BiFunction<ModelTarget, Runnable, Uni<T>> call,
            Consumer<Exhausted> onExhausted) {
        ModelTarget step = steps.get(index);
        AtomicInteger tries = new AtomicInteger();
        return Uni.createFrom()
                .deferred(() -> call.apply(step, tries::incrementAndGet))
                .map(value -> {
                    attempts.add(new Attempt(step.shownAs(), tries.get(), "ok"));
                    return new Answer<>(index, step, value, List.copyOf(attempts));
                })
                .onFailure()
                .recoverWithUni(failure -> {
                    attempts.add(new Attempt(step.shownAs(), tries.get(), UpstreamFailure.outcomeOf(failure)));
                    boolean another = failure instanceof UpstreamFailure known
                            && known.fallbackWorthy()
                            && index + 1 < steps.size();
                    if (another) {
                        return next(steps, index + 1, attempts, call, onExhausted);
                    }
                    onExhausted.accept(new Exhausted(failure, List.copyOf(attempts)));
                    return Uni.createFrom().failure(failure);
                });
    }
}
