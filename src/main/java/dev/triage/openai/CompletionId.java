package dev.triage.openai;

/**
 * The distinctive part of an upstream completion's id ({@code chatcmpl-abc} gives {@code abc}), for the ids the
 * translated APIs derive from it ({@code msg_abc}, {@code resp_abc}); a fresh one when the upstream sent none.
 */
public final class CompletionId {

    private CompletionId() {}

    public static String suffix(String chatId) {
        String suffix = chatId.replaceFirst("^chatcmpl-", "").replaceAll("[^A-Za-z0-9_]", "");
        return suffix.isEmpty() ? Long.toHexString(System.nanoTime()) : suffix;
    }
}
