package dev.stageport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Makes what was committed so far survive the process being killed, at the moments that need it:
 * before an answer (docs/engine.md, "Durability"). The embedded file database keeps commits in
 * memory for up to its write delay and writes them in one go (a store per commit was most of the
 * engine's CPU time); {@link #flush} writes them now (H2's CHECKPOINT: one store of everything
 * pending, to the operating system, which keeps it through a SIGKILL). Concurrent callers share a
 * store: a caller whose commits a store that started after them already covered returns at once.
 * PostgreSQL makes every commit durable itself, so there it does nothing.
 */
@Component
public class DurableWrites {

    private final DataSource dataSource;
    private final AtomicLong requested = new AtomicLong();
    private final Object storing = new Object();
    private long storedUpTo;
    private volatile Boolean deferred;

    public DurableWrites(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every commit this thread (and any other) made before the call is on disk when it returns. */
    public void flush() {
        if (!deferred()) {
            return;
        }
        long ticket = requested.incrementAndGet();
        synchronized (storing) {
            if (storedUpTo >= ticket) {
                return; // a store that began after our commits wrote them
            }
            long upTo = requested.get(); // every ticket taken so far was taken after its commits: this store covers them
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("CHECKPOINT");
            } catch (SQLException e) {
                throw new DataAccessResourceFailureException("Could not write the database's commits to disk", e);
            }
            storedUpTo = upTo;
        }
    }

    /** Whether commits wait for a later store: an H2 file database (not PostgreSQL, not an in-memory H2). */
    private boolean deferred() {
        Boolean known = deferred;
        if (known == null) {
            try (Connection c = dataSource.getConnection()) {
                String url = c.getMetaData().getURL();
                known = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
            } catch (SQLException e) {
                throw new DataAccessResourceFailureException("Could not read the database's URL", e);
            }
            deferred = known;
        }
        return known;
    }
}
