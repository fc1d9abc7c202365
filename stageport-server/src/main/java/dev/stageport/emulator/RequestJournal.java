package dev.stageport.emulator;

import dev.stageport.StageportProperties;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;

/**
 * The most recent requests, in memory and bounded: once full, each new entry pushes out the
 * oldest. Lost on restart, and each replica keeps its own.
 */
@Service
@ConditionalOnProperty(name = EmulatorMode.PROPERTY, havingValue = EmulatorMode.ON)
public class RequestJournal {

    private final int capacity;
    private final Deque<JournalEntry> entries = new ArrayDeque<>();

    @Autowired
    public RequestJournal(StageportProperties properties) {
        this(properties.emulator().journalSize());
    }

    RequestJournal(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    public int capacity() {
        return capacity;
    }

    public synchronized void record(JournalEntry entry) {
        if (entries.size() >= capacity) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }

    /** Oldest first; null filters match everything. {@code path} may be a template such as /x/{key}. */
    public List<JournalEntry> list(Caller caller, String method, PathTemplate path, Instant since) {
        caller.require(Permission.EMULATOR_CONTROL, Caller.EVERY_STAGE);
        String wanted = method == null ? null : method.toUpperCase(Locale.ROOT);
        synchronized (this) {
            return entries.stream()
                    .filter(e -> wanted == null || e.method().equals(wanted))
                    .filter(e -> path == null || path.matches(e.path()))
                    .filter(e -> since == null || !e.at().isBefore(since))
                    .toList();
        }
    }

    public void clear(Caller caller) {
        caller.require(Permission.EMULATOR_CONTROL, Caller.EVERY_STAGE);
        clear();
    }

    public synchronized void clear() {
        entries.clear();
    }
}
