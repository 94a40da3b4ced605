package dev.triage.ledger;

import java.math.BigDecimal;
import java.math.MathContext;

import dev.triage.openai.Usage;

/** Cost in USD of the tokens of an answer at a model's prices (USD per million tokens). */
public final class Pricing {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private Pricing() {}

    /** {@code null} when the answer reported no tokens, so that an unknown cost is never taken for a free one. */
    public static BigDecimal cost(Usage usage, BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
        if (!usage.known()) {
            return null;
        }
        BigDecimal input = BigDecimal.valueOf(usage.inputTokens() == null ? 0 : usage.inputTokens())
                .multiply(inputPerMillion);
        BigDecimal output = BigDecimal.valueOf(usage.outputTokens() == null ? 0 : usage.outputTokens())
                .multiply(outputPerMillion);
        return input.add(output).divide(MILLION, MathContext.DECIMAL64);
    }
}
