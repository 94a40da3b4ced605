package dev.triage.dispatch;

import java.util.concurrent.Executor;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs what follows a decision on the Vert.x context the request arrived on. The learned router's encoder completes on
 * its own worker threads; a dispatch continued there ran off the event loop, and about one such request in a hundred
 * had its response headers sent but never its end (the client waited for the idle timeout). Inline when already on
 * that context (a decision made at once), so the usual path costs no extra hop.
 */
final class CallersContext implements Executor {

    private final Context context;

    private CallersContext(Context context) {
        this.context = context;
    }

    /** The current thread's Vert.x context; outside one (a test calling directly), whatever thread completes. */
    static Executor current() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : new CallersContext(context);
    }

    @Override
    public void execute(Runnable command) {
        if (Vertx.currentContext() == context) {
            command.run();
        } else {
            context.runOnContext(ignored -> command.run());
        }
    }
}
