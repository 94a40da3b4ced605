package dev.triage.openai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /v1/models}: OpenAI's list format. */
public record ModelList(String object, List<Model> data) {

    public ModelList(List<Model> data) {
        this("list", data);
    }

    /** One entry; {@code owned_by} names the provider, or {@code triage} for a route. */
    public record Model(
            String id,
            String object,
            long created,
            @JsonProperty("owned_by") String ownedBy) {

        public Model(String id, long created, String ownedBy) {
            this(id, "model", created, ownedBy);
        }
    }
}
