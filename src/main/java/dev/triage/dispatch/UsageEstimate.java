package dev.triage.dispatch;

import java.util.List;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

import dev.triage.openai.Usage;

/**
 * The tokens of a request and its answer counted by the gateway, for an answer that reported none (a client that
 * closed the stream early, a cut stream, an upstream without usage): OpenAI's o200k_base vocabulary, plus OpenAI's
 * per-message overhead. Marked as an estimate: other models' tokenizers differ by some percent.
 */
final class UsageEstimate {

    /** Tokens OpenAI adds around each message, and to prime the answer. */
    private static final int PER_TEXT = 3;

    private static final int PRIMING = 3;

    /** Beyond this many characters of one text, the rest is counted at 4 characters a token: a bound on the work. */
    private static final int COUNTED_CHARS = 256 * 1024;

    private static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    private UsageEstimate() {}

    static Usage of(List<String> promptTexts, String completion) {
        long prompt = PRIMING;
        for (String text : promptTexts) {
            prompt += tokens(text) + PER_TEXT;
        }
        return new Usage(prompt, tokens(completion), true);
    }

    static long tokens(String text) {
        if (text.length() <= COUNTED_CHARS) {
            return ENCODING.countTokensOrdinary(text);
        }
        return ENCODING.countTokensOrdinary(text.substring(0, COUNTED_CHARS)) + (text.length() - COUNTED_CHARS) / 4;
    }
}
