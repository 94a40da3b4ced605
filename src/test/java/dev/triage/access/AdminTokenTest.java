package dev.triage.access;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdminTokenTest {

    @Test
    void aPlaceholderOrShortTokenStopsAProductionStart() {
        for (String weak : new String[] {"replace-me", "CHANGEME", "password", "short-token-15c"}) {
            assertThatThrownBy(() -> AdminToken.refuseWeak(weak, false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("TRIAGE_ADMIN_TOKEN")
                    .hasMessageNotContaining(weak);
        }
    }

    @Test
    void aLongRandomTokenOrTheDemoIsFine() {
        assertThatCode(() -> AdminToken.refuseWeak("3f9c1e0b7a2d4c6e8f10a2b4", false))
                .doesNotThrowAnyException();
        assertThatCode(() -> AdminToken.refuseWeak("changeme", true)).doesNotThrowAnyException();
    }
}
