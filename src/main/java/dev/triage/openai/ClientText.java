package dev.triage.openai;

/**
 * A value a client sent, fit to quote in an error message, a span or a log: at most {@value #MOST_CHARS} characters,
 * so that a megabyte-long model name costs no megabytes anywhere else.
 */
public final class ClientText {

    public static final int MOST_CHARS = 256;

    private ClientText() {}

    public static String bounded(String value) {
        return value == null || value.length() <= MOST_CHARS ? value : value.substring(0, MOST_CHARS) + "...";
    }
}
