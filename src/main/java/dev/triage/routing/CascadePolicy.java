package dev.triage.routing;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.triage.openai.ChatCompletionRequest;
import io.smallrye.mutiny.Uni;

/**
 * Tries a route's candidates in their order, cheapest first: the first answers unless its answer fails one of the
 * route's checks, then the next, up to the last, whose answer stands. Whole answers only: a streamed request goes to
 * the first candidate unchecked (holding a stream back until it can be checked would cost its time to first token).
 */
final class CascadePolicy implements RoutePolicy {

    private final List<String> candidates;
    private final Set<AnswerCheck> checks;

    private CascadePolicy(List<String> candidates, Set<AnswerCheck> checks) {
        this.candidates = candidates;
        this.checks = checks;
    }

    /** The route's policy; a configuration it cannot follow fails the start, naming the key. */
    static CascadePolicy of(String name, RoutingConfig.Route route, ModelPrices prices) {
        String key = "triage.routes." + name + ".";
        List<String> models =
                List.copyOf(ConfiguredCandidates.priced(key, route, prices).keySet());
        return new CascadePolicy(models, AnswerCheck.parse(key + "escalate-on", route.escalateOn()));
    }

    /** The candidates from the last (the strongest) to the first: the order of the route's fallbacks. */
    List<String> strongestFirst() {
        return candidates.reversed();
    }

    @Override
    public Uni<Decision> decide(String route, ChatCompletionRequest request, Double threshold) {
        String first = candidates.getFirst();
        return Uni.createFrom()
                .item(new Decision(
                        route,
                        first,
                        Tier.CANDIDATE,
                        Reason.CASCADE,
                        null,
                        threshold,
                        null,
                        0.0,
                        request.stream()
                                ? "cascade: streamed, so " + first + " answers unchecked"
                                : "cascade: " + first + " first, the next when its answer fails a check",
                        String.join(", ", candidates)));
    }

    /** The next candidate, when {@code answer} (the decided model's, whole) fails a check and one is left. */
    Optional<Escalation> escalated(Decision decision, ChatCompletionRequest request, byte[] answer) {
        int tried = candidates.indexOf(decision.model());
        if (request.stream() || tried < 0 || tried + 1 >= candidates.size()) {
            return Optional.empty();
        }
        return AnswerCheck.failed(checks, request, answer).map(failed -> {
            String next = candidates.get(tried + 1);
            return new Escalation(
                    new Decision(
                            decision.route(),
                            next,
                            Tier.CANDIDATE,
                            Reason.CASCADE,
                            null,
                            decision.threshold(),
                            null,
                            0.0,
                            "cascade: " + decision.model() + "'s answer failed " + failed.label() + ", so " + next,
                            marked(tried, failed, decision.candidates())),
                    failed);
        });
    }

    /** The cascade's list with the candidate just tried marked by the check it failed. */
    private String marked(int tried, AnswerCheck failed, String listed) {
        List<String> entries = List.of(listed.split(", "));
        return IntStream.range(0, entries.size())
                .mapToObj(i -> i == tried ? entries.get(i) + ";failed=" + failed.label() : entries.get(i))
                .collect(Collectors.joining(", "));
    }
}
