package kr.jsoft.privacyportal.persistence;

import java.util.concurrent.atomic.LongAdder;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements Hibernate prepares (every query, native or not, and every insert,
 * update and delete; a JDBC batch counts once): the metric {@code portal_db_statements_total},
 * which the load benchmark divides by the requests served.
 */
final class StatementCounter implements StatementInspector {
    private static final long serialVersionUID = 1L;
    private final transient LongAdder prepared = new LongAdder();

    @Override
    public String inspect(String sql) {
        prepared.increment();
        return sql;
    }

    long prepared() {
        return prepared.sum();
    }
}
