package dev.triage.simulator;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * {@code triage.simulator.token}: a secret drawn at each start, the key the gateway's provider {@code simulated} sends
 * to the simulated upstream on its own port. The upstream takes it, or a key the gateway's {@code /v1} would take, so
 * that it is never an open endpoint beside a locked gateway. Set it explicitly only to call the simulator from another
 * process.
 */
public final class SimulatorTokenSource implements ConfigSource {

    public static final String TOKEN = "triage.simulator.token";
    private static final String VALUE = drawn();

    private static String drawn() {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return "sim-" + HexFormat.of().formatHex(secret);
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(TOKEN);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(TOKEN, VALUE);
    }

    @Override
    public String getValue(String propertyName) {
        return TOKEN.equals(propertyName) ? VALUE : null;
    }

    @Override
    public String getName() {
        return "triage-simulator-token";
    }

    @Override
    public int getOrdinal() {
        // below application.yaml (250), so that a configured token wins
        return 100;
    }
}
