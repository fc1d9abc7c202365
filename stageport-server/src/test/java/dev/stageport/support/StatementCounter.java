package dev.stageport.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the database round trips of the server: a JDBC wrapper around the server's
 * DataSource records every statement execution (a JDBC batch is one round trip) and every
 * transaction (a commit, or a statement run in auto-commit) with the thread that made it, so
 * a test can attribute them to a request thread or to the engine cycle it runs itself.
 * Import {@link Config} into a test's server.
 */
public final class StatementCounter {

    /** One round trip: a statement (or batch of {@code rows}) or a commit/rollback. */
    public record Event(String thread, String what, int rows) {
    }

    private static final Pattern TABLE = Pattern.compile("\\b(?:from|into|update)\\s+([a-z_][a-z0-9_]*)");
    private static final List<Event> EVENTS = new ArrayList<>();
    private static volatile boolean recording;

    private StatementCounter() {
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds ? wrap(DataSource.class, ds, StatementCounter::onDataSource)
                            : bean;
                }
            };
        }
    }

    /** Forgets what was recorded and records from now on. */
    public static synchronized void start() {
        EVENTS.clear();
        recording = true;
    }

    public static synchronized List<Event> stop() {
        recording = false;
        return List.copyOf(EVENTS);
    }

    /** Round trips by kind ("update work_item", "commit", ...) of the threads {@code thread} accepts. */
    public static Map<String, Integer> byKind(List<Event> events, Predicate<String> thread) {
        Map<String, Integer> counts = new TreeMap<>();
        events.stream().filter(e -> thread.test(e.thread())).forEach(e -> counts.merge(e.what(), 1, Integer::sum));
        return counts;
    }

    public static int statements(Map<String, Integer> byKind) {
        return byKind.entrySet().stream().filter(e -> !e.getKey().equals("commit") && !e.getKey().equals("rollback"))
                .mapToInt(Map.Entry::getValue).sum();
    }

    /** Commits, rollbacks and statements run in auto-commit (each its own transaction). */
    public static int transactions(List<Event> events, Predicate<String> thread) {
        return (int) events.stream().filter(e -> thread.test(e.thread()))
                .filter(e -> e.what().equals("commit") || e.what().equals("rollback") || e.rows() < 0).count();
    }

    private static synchronized void record(String what, int rows) {
        if (recording) {
            EVENTS.add(new Event(Thread.currentThread().getName(), what, rows));
        }
    }

    /** "select work_item": the statement's verb and first table. */
    static String kind(String sql) {
        String text = sql.strip().toLowerCase(Locale.ROOT);
        String verb = text.split("\\s+", 2)[0];
        Matcher table = TABLE.matcher(text);
        return verb + (table.find() ? " " + table.group(1) : "");
    }

    private static Object onDataSource(Object target, Method method, Object[] args) throws Throwable {
        Object result = invoke(target, method, args);
        return result instanceof Connection c ? wrap(Connection.class, c, new ConnectionCalls(c)) : result;
    }

    /** Tracks auto-commit, so a statement outside a transaction counts as one transaction of its own. */
    private static final class ConnectionCalls implements Call {
        private final Connection connection;

        ConnectionCalls(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object call(Object target, Method method, Object[] args) throws Throwable {
            Object result = invoke(target, method, args);
            switch (method.getName()) {
                case "commit" -> record("commit", 0);
                case "rollback" -> {
                    if (args == null) {
                        record("rollback", 0);
                    }
                }
                case "prepareStatement" -> {
                    String sql = (String) args[0];
                    return wrap(PreparedStatement.class, (PreparedStatement) result, statementCalls(sql));
                }
                case "createStatement" -> {
                    return wrap(Statement.class, (Statement) result, statementCalls(null));
                }
                default -> {
                    // every other call passes through
                }
            }
            return result;
        }

        private Call statementCalls(String prepared) {
            int[] batched = {0};
            return (target, method, args) -> {
                String name = method.getName();
                if (name.equals("addBatch")) {
                    batched[0]++;
                } else if (name.startsWith("execute")) {
                    String sql = prepared != null ? prepared : (String) args[0];
                    boolean auto = connection.getAutoCommit();
                    int rows = name.equals("executeBatch") ? batched[0] : 1;
                    batched[0] = 0;
                    record(kind(sql) + (name.equals("executeBatch") ? " (batch)" : ""), auto ? -rows : rows);
                }
                return invoke(target, method, args);
            };
        }
    }

    @FunctionalInterface
    private interface Call {
        Object call(Object target, Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T wrap(Class<T> type, T target, Call call) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("unwrap") && args[0] instanceof Class<?> c && c.isInstance(target)) {
                return target;
            }
            if (method.getName().equals("isWrapperFor") && args[0] instanceof Class<?> c && c.isInstance(target)) {
                return true;
            }
            return call.call(target, method, args);
        };
        return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
