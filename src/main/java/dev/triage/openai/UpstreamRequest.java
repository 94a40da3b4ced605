package dev.triage.openai;

import java.util.List;
import java.util.OptionalLong;

/** A client request the gateway forwards, as the forwarding and its metering read it. */
public interface UpstreamRequest {

    boolean stream();

    /** Whether the gateway asks the upstream for a usage chunk the client did not ask for (kept from the client). */
    boolean gatewayAsksUsage();

    /** The client's bytes with {@code model} swapped for the upstream's id, and a stream always asking for its usage. */
    byte[] forUpstream(String upstreamModel);

    /** The texts the prompt's tokens are spent on, for an estimate when no usage arrives. */
    List<String> promptTexts();

    /** The most output tokens the client allows, if it says. */
    OptionalLong maxOutputTokens();
}
