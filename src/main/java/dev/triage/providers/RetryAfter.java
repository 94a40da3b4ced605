package dev.triage.providers;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** HTTP's {@code Retry-After}: delay-seconds or an HTTP date. */
final class RetryAfter {

    private RetryAfter() {}

    /** The wait it asks for, or {@code null} when absent or unreadable. */
    static Duration parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(text) * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(
                        ZonedDateTime.now(), ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME));
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
