package dev.triage.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A server that restarts answers writes with 57P03 for a moment; those rows were set aside as if they were wrong and
 * never reached the ledger (EmbeddedSupervisionTest lost its row so once), instead of being written again.
 */
class RefusalTest {

    @Test
    void aServerThatCannotTakeWritesNowIsNotTheRowsFault() {
        assertThat(Refusal.theRowsFault("57P03"))
                .as("the database system is starting up")
                .isFalse();
        assertThat(Refusal.theRowsFault("57P01")).as("admin shutdown").isFalse();
        assertThat(Refusal.theRowsFault("08006")).as("connection failure").isFalse();
        assertThat(Refusal.theRowsFault("53300")).as("too many connections").isFalse();
        assertThat(Refusal.theRowsFault("40001")).as("serialization failure").isFalse();
    }

    @Test
    void aValueTheColumnCannotHoldIs() {
        assertThat(Refusal.theRowsFault("22003"))
                .as("numeric value out of range")
                .isTrue();
        assertThat(Refusal.theRowsFault("23502")).as("not null violation").isTrue();
    }
}
