package dev.mixdojo.web;

import dev.mixdojo.base.DaemonThreads;
import dev.mixdojo.classroom.live.LiveSession;
import dev.mixdojo.classroom.live.StudentView;
import io.javalin.websocket.WsContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The open pages of a live session and what they are sent. Changes are pushed from one thread, in order: a change
 * that comes while a push is under way joins the next push, so a burst of answers costs a few projector updates
 * rather than hundreds, and the projector's counts go out first.
 */
final class Pages implements LiveSession.Listener {
    /** Least time between two whole projector states; counts go out between them. */
    static final long FULL_STATE_MS = 200;
    /** How often every open page is pinged, so that idle connections (a phone between questions) stay open. */
    static final long PING_SECONDS = 20;

    private final LiveSession session;
    private final Supplier<String> joinAddress;
    private final ScheduledExecutorService pusher = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("live-push"));
    private final Map<String, Set<WsContext>> students = new ConcurrentHashMap<>();
    private final Set<WsContext> teachers = ConcurrentHashMap.newKeySet();
    private final Set<String> pendingStudents = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean projectorPending = new AtomicBoolean();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** Pusher thread only: when the last whole projector state went out, and whether one is scheduled. */
    private long lastFullNanos;
    private boolean fullOwed;

    Pages(LiveSession session, Supplier<String> joinAddress) {
        this.session = session;
        this.joinAddress = joinAddress;
        this.lastFullNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(FULL_STATE_MS);
        pusher.scheduleAtFixedRate(this::pingAll, PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
    }

    /** A student's page opened: it gets the session's info now and its view with the next push. */
    void addStudent(String participantId, WsContext page, String info) {
        students.computeIfAbsent(participantId, id -> ConcurrentHashMap.newKeySet()).add(page);
        send(page, info);
        studentsChanged(List.of(participantId));
    }

    /** A student's page closed; whether it was one of theirs. */
    boolean removeStudent(String participantId, WsContext page) {
        Set<WsContext> open = students.get(participantId);
        return open != null && open.remove(page);
    }

    void addTeacher(WsContext page) {
        teachers.add(page);
        projectorChanged();
    }

    void removeTeacher(WsContext page) {
        teachers.remove(page);
    }

    /** Sends {@code text} to one page, in order with everything else it is sent. */
    void send(WsContext page, String text) {
        pusher.execute(() -> trySend(page, text));
    }

    @Override
    public void projectorChanged() {
        projectorPending.set(true);
        schedule();
    }

    @Override
    public void studentsChanged(Collection<String> participantIds) {
        pendingStudents.addAll(participantIds);
        schedule();
    }

    void close() {
        pusher.shutdownNow();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            pusher.execute(this::push);
        }
    }

    private void push() {
        scheduled.set(false);
        if (projectorPending.getAndSet(false) && !teachers.isEmpty()) {
            pushProjector();
        }
        List<String> ids = new ArrayList<>(pendingStudents);
        pendingStudents.removeAll(ids);
        for (String id : ids) {
            Set<WsContext> open = students.get(id);
            if (open == null || open.isEmpty()) {
                continue;
            }
            StudentView view = session.view(id);
            String text = LiveJson.view(view, session.info().mode());
            for (WsContext page : open) {
                trySend(page, text);
                if (view.phase() == StudentView.Phase.REMOVED) {
                    page.closeSession(4001, "removed by the teacher");
                }
            }
        }
    }

    /**
     * The projector's counts at once, and its whole state (every seat) at most every {@link #FULL_STATE_MS}: a hall of
     * students answering in the same second costs small messages, and the seats catch up a moment later.
     */
    private void pushProjector() {
        long now = System.nanoTime();
        long sinceFull = TimeUnit.NANOSECONDS.toMillis(now - lastFullNanos);
        String text;
        if (sinceFull >= FULL_STATE_MS) {
            lastFullNanos = now;
            text = LiveJson.projector(session.projector(), joinAddress.get());
        } else {
            text = LiveJson.counts(session.counts());
            if (!fullOwed) {
                fullOwed = true;
                pusher.schedule(() -> {
                    fullOwed = false;
                    projectorChanged();
                }, FULL_STATE_MS - sinceFull, TimeUnit.MILLISECONDS);
            }
        }
        teachers.forEach(page -> trySend(page, text));
    }

    private void pingAll() {
        for (Set<WsContext> open : students.values()) {
            open.forEach(Pages::tryPing);
        }
        teachers.forEach(Pages::tryPing);
    }

    private static void tryPing(WsContext page) {
        try {
            if (page.session.isOpen()) {
                page.sendPing();
            }
        } catch (RuntimeException e) {
            // A page that went away; its close event tidies up.
        }
    }

    private static void trySend(WsContext page, String text) {
        try {
            if (page.session.isOpen()) {
                page.send(text);
            }
        } catch (RuntimeException e) {
            // A page that went away; its close event tidies up.
        }
    }
}
