package dev.triage.providers;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triage.openai.ChunkTranslation;
import dev.triage.openai.OpenAiException;
import dev.triage.openai.OpenAiJson;
import dev.triage.openai.UnsupportedField;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;

/**
 * An upstream API that is not OpenAI's: it serves chat completions translated (the request fields it cannot carry
 * refused or left out by the provider's {@link UnsupportedParams} setting), and the requests of its own API, if the
 * gateway has them, as they are.
 */
abstract class TranslatedWire implements ProviderWire {

    private final String provider;
    private final UnsupportedParams policy;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    TranslatedWire(String provider, UnsupportedParams policy) {
        this.provider = provider;
        this.policy = policy;
    }

    abstract String api();

    abstract List<UnsupportedField> unsupported(ObjectNode chat);

    abstract ObjectNode translate(ObjectNode chat);

    abstract ChunkTranslation chunks();

    @Override
    public boolean speaks(Endpoint endpoint) {
        return false;
    }

    abstract byte[] translatedReply(byte[] body);

    @Override
    public final byte[] reply(Endpoint endpoint, byte[] body) {
        return speaks(endpoint) ? body : translatedReply(body);
    }

    @Override
    public final byte[] request(Endpoint endpoint, byte[] body) {
        if (speaks(endpoint)) {
            return body;
        }
        if (endpoint != Endpoint.CHAT_COMPLETIONS) {
            throw OpenAiException.invalidRequest(
                    "This model is served by provider '" + provider + "' (" + api() + "), which has no /v1/"
                            + endpoint.path() + "; use a model of an OpenAI-compatible provider.",
                    "model");
        }
        ObjectNode chat = OpenAiJson.parseObject(body);
        List<UnsupportedField> unsupported = unsupported(chat);
        if (!unsupported.isEmpty() && policy == UnsupportedParams.REJECT) {
            throw new OpenAiException(
                    400,
                    "invalid_request_error",
                    "unsupported_parameter",
                    unsupported.getFirst().name(),
                    "This model is served by provider '" + provider + "' (" + api() + "), which cannot take: "
                            + unsupported.stream()
                                    .map(UnsupportedField::toString)
                                    .collect(Collectors.joining(", "))
                            + ". Leave them out, or have the operator set triage.providers." + provider
                            + ".unsupported-params=drop.");
        }
        for (UnsupportedField field : unsupported) {
            chat.remove(field.name());
            if (warned.add(field.name())) {
                Log.warnf(
                        "Provider %s: dropping request field '%s' (%s); logged once per field",
                        provider, field.name(), field.reason());
            }
        }
        return OpenAiJson.write(translate(chat));
    }

    @Override
    public final Multi<String> events(Endpoint endpoint, Multi<String> data) {
        if (speaks(endpoint)) {
            return data;
        }
        ChunkTranslation translation = chunks();
        return data.onItem()
                .transformToIterable(translation::onEvent)
                .onCompletion()
                .continueWith(translation::onEnd);
    }
}
