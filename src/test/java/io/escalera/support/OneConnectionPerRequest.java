package io.escalera.support;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The rule "no request holds two connections" (issue 30), held in every test: the application's DataSource is wrapped,
 * and a thread serving an HTTP request (Tomcat's {@code http-nio-…}) or a test's request-like thread (named
 * {@code request-…}) that asks for a second connection while it holds one is refused with an SQLException, and the
 * breach is recorded. With a pool smaller than the requests at once, such a request waits on the others for the
 * pool's timeout — the survey page's collapse. Background threads (jobs, imports, after-commit listeners) may hold two.
 */
public final class OneConnectionPerRequest extends DelegatingDataSource implements AutoCloseable {

    private static final ThreadLocal<int[]> held = ThreadLocal.withInitial(() -> new int[1]);
    private static final List<String> breaches = new CopyOnWriteArrayList<>();

    OneConnectionPerRequest(DataSource pool) {
        super(pool);
    }

    /** Whether the rule holds for this thread. */
    public static boolean servesARequest(Thread thread) {
        return thread.getName().startsWith("http-nio") || thread.getName().startsWith("request-");
    }

    /** The breaches seen since the last {@link #forget()}: thread, and where it asked. */
    public static List<String> breaches() {
        return List.copyOf(breaches);
    }

    public static void forget() {
        breaches.clear();
    }

    @Override
    public Connection getConnection() throws SQLException {
        checkNoneHeld();
        return counted(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        checkNoneHeld();
        return counted(super.getConnection(username, password));
    }

    private static void checkNoneHeld() throws SQLException {
        Thread thread = Thread.currentThread();
        if (held.get()[0] > 0 && servesARequest(thread)) {
            StackTraceElement[] stack = thread.getStackTrace();
            StringBuilder where = new StringBuilder();
            for (StackTraceElement frame : stack) {
                if (frame.getClassName().startsWith("io.escalera") && !frame.getClassName().startsWith("io.escalera.support")) {
                    where.append("\n\tat ").append(frame);
                }
            }
            String breach = thread.getName() + " asked for a second connection while holding one" + where;
            breaches.add(breach);
            throw new SQLException("No request holds two connections (issue 30): " + breach);
        }
    }

    private static Connection counted(Connection connection) {
        int[] count = held.get();
        count[0]++;
        AtomicBoolean closed = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(OneConnectionPerRequest.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0 && closed.compareAndSet(false, true)) {
                        count[0]--;
                    } else if (method.getName().equals("unwrap") && args[0] == Connection.class) {
                        return proxy;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public void close() throws Exception {
        if (getTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    /** Wraps the application's DataSource bean. */
    static final class Wrapper implements BeanPostProcessor {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof DataSource pool && !(bean instanceof OneConnectionPerRequest) && "dataSource".equals(beanName)
                    ? new OneConnectionPerRequest(pool) : bean;
        }
    }
}
