package dev.triage.providers;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpClosedException;

/**
 * Failures Mutiny drops because nobody listens any more: an upstream call the gateway already gave up on (its deadline
 * passed, the client left, another model answered) that times out or loses its connection afterwards. That is handled,
 * so it is logged at DEBUG, not at ERROR as Quarkus does; anything else dropped still is an ERROR.
 */
@Singleton
class AbandonedCallFailures {

    void install(@Observes StartupEvent started) {
        Infrastructure.setDroppedExceptionHandler(AbandonedCallFailures::log);
    }

    private static void log(Throwable failure) {
        if (handled(failure)) {
            Log.debugf("late failure of an abandoned upstream call: %s", failure.toString());
        } else {
            Log.error("Mutiny had to drop the following exception", failure);
        }
    }

    private static boolean handled(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UpstreamFailure
                    || cause instanceof TimeoutException
                    || cause instanceof io.netty.handler.timeout.TimeoutException
                    || cause instanceof io.vertx.core.impl.NoStackTraceTimeoutException
                    || cause instanceof HttpClosedException
                    || cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
