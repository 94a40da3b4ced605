package dev.triage.dispatch;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ModelCatalogTest {

    @Test
    void aNameThatIsBothAModelAndARouteIsRefused() {
        assertThatThrownBy(() -> ModelCatalog.refuseSharedNames(
                        Set.of("gpt-4o", "mini", "local"), Set.of("auto", "mini", "local")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("local, mini");
    }

    @Test
    void distinctNamesAreFine() {
        assertThatCode(() -> ModelCatalog.refuseSharedNames(Set.of("gpt-4o"), Set.of("auto")))
                .doesNotThrowAnyException();
    }
}
