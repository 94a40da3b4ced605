package dev.triage.tools.training;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Splits prompts, never rows, into train, validation and held-out test by a seeded hash of the prompt text: every
 * judgment of a prompt lands on the same side, and the split is the same on every machine.
 */
public record PromptSplit(long seed, int testPercent, int validationPercent) {

    public enum Part {
        TRAIN,
        VALIDATION,
        TEST
    }

    public Part of(String prompt) {
        int bucket = bucket(prompt);
        if (bucket < testPercent) {
            return Part.TEST;
        }
        return bucket < testPercent + validationPercent ? Part.VALIDATION : Part.TRAIN;
    }

    private int bucket(String prompt) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest((seed + ":" + prompt).getBytes(StandardCharsets.UTF_8));
            return Math.floorMod(((digest[0] & 0xFF) << 8) | (digest[1] & 0xFF), 100);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
