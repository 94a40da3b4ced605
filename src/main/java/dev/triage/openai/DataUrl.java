package dev.triage.openai;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An image given inline as {@code data:<media type>;base64,<data>}, as Chat Completions' {@code image_url} allows. */
public record DataUrl(String mediaType, String base64) {

    private static final Pattern FORM = Pattern.compile("^data:([\\w.+-]+/[\\w.+-]+);base64,(.*)$", Pattern.DOTALL);

    public static Optional<DataUrl> parse(String url) {
        Matcher matcher = FORM.matcher(url);
        return matcher.matches() ? Optional.of(new DataUrl(matcher.group(1), matcher.group(2))) : Optional.empty();
    }
}
