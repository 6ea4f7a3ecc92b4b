package kr.jsoft.privacyportal.persistence;

import java.util.ArrayList;
import java.util.List;
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
    private final transient ThreadLocal<List<String>> watched = new ThreadLocal<>();

    @Override
    public String inspect(String sql) {
        prepared.increment();
        List<String> list = watched.get();
        if (list != null) {
            list.add(sql);
        }
        return sql;
    }

    /** The statements {@code work} prepares on this thread, in order. */
    List<String> watch(Runnable work) {
        List<String> list = new ArrayList<>();
        watched.set(list);
        try {
            work.run();
        } finally {
            watched.remove();
        }
        return list;
    }

    long prepared() {
        return prepared.sum();
    }
}
