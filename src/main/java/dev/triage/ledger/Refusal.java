package dev.triage.ledger;

import io.vertx.pgclient.PgException;

/**
 * Why PostgreSQL refused a write: the rows themselves (a value out of a column's range, say), or the server, which
 * cannot take writes just now (starting up or shutting down, a lost connection, too many connections, a serialisation
 * conflict). Rows of the second kind are written again later; only the first kind is set aside.
 */
final class Refusal {

    private Refusal() {}

    static boolean theRowsFault(PgException refused) {
        return theRowsFault(refused.getSqlState());
    }

    /** By SQLSTATE class: 08 connection exception, 53 insufficient resources, 57 operator intervention, 40 rollback. */
    static boolean theRowsFault(String sqlState) {
        return sqlState != null
                && !sqlState.startsWith("08")
                && !sqlState.startsWith("53")
                && !sqlState.startsWith("57")
                && !sqlState.startsWith("40");
    }
}
