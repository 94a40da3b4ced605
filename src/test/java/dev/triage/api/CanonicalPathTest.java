package dev.triage.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.triage.openai.OpenAiException;

class CanonicalPathTest {

    @Test
    void everySpellingOfAPathHasOneCanonicalForm() {
        for (String raw : new String[] {
            "/v1/models",
            "//v1/models",
            "/./v1/models",
            "/%76%31/models",
            "/x/../v1/models",
            "/v1;x=1/models",
            "/v1/./models/",
            "/../v1//models"
        }) {
            assertThat(CanonicalPath.of(raw)).as(raw).isEqualTo("/v1/models");
        }
    }

    @Test
    void anEscapedSlashInAModelNameStaysInItsSegment() {
        assertThat(CanonicalPath.of("/v1/models/meta-llama%2FLlama-3.1-8B"))
                .isEqualTo("/v1/models/meta-llama/Llama-3.1-8B");
        assertThat(CanonicalPath.of("/v1/models/a+b")).isEqualTo("/v1/models/a+b");
    }

    @Test
    void areasAreWholeSegments() {
        assertThat(CanonicalPath.isUnder("/v1", "/v1")).isTrue();
        assertThat(CanonicalPath.isUnder("/v1/chat/completions", "/v1")).isTrue();
        assertThat(CanonicalPath.isUnder("/v10/x", "/v1")).isFalse();
    }

    @Test
    void aMalformedEscapeIsABadRequest() {
        assertThatThrownBy(() -> CanonicalPath.of("/v1/%zz"))
                .isInstanceOf(OpenAiException.class)
                .extracting(e -> ((OpenAiException) e).status())
                .isEqualTo(400);
    }
}
