package org.trainscope.app.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainscope.engine.session.AtomicFiles;

/**
 * The most recently opened or saved session files, newest first, kept in a small text file (one path per line,
 * default {@code ~/.trainscope/recent-sessions.txt}). Files that no longer exist are dropped when listed. A damaged
 * list is simply started afresh: it is a convenience, never a reason to fail.
 */
public final class RecentSessions {
    private static final Logger LOG = LoggerFactory.getLogger(RecentSessions.class);
    private static final int MAX = 8;

    private final Path store;

    public RecentSessions(Path store) {
        this.store = store;
    }

    /** The per-user default. */
    public static RecentSessions forUser() {
        return new RecentSessions(Path.of(System.getProperty("user.home"), ".trainscope", "recent-sessions.txt"));
    }

    /** Existing files, newest first. */
    public synchronized List<Path> list() {
        List<Path> out = new ArrayList<>();
        try {
            if (Files.isRegularFile(store)) {
                for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                    Path p = Path.of(line.trim());
                    if (!line.isBlank() && Files.isRegularFile(p) && !out.contains(p)) {
                        out.add(p);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring the recent-sessions list {}: {}", store, e.getMessage());
        }
        return out.subList(0, Math.min(MAX, out.size()));
    }

    /** Puts a file at the top of the list. */
    public synchronized void add(Path file) {
        List<Path> paths = new ArrayList<>(list());
        Path p = file.toAbsolutePath().normalize();
        paths.remove(p);
        paths.add(0, p);
        StringBuilder text = new StringBuilder();
        for (Path q : paths.subList(0, Math.min(MAX, paths.size()))) {
            text.append(q).append('\n');
        }
        try {
            AtomicFiles.write(store, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            LOG.warn("could not update the recent-sessions list {}: {}", store, e.getMessage());
        }
    }
}
