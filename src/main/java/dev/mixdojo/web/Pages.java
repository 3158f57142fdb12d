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
 * The open pages of a live session and what they are sent. Changes are gathered and pushed on one thread a few
 * milliseconds later, so a burst of answers costs one projector update instead of hundreds, and every message to
 * a page is sent from that thread in order.
 */
final class Pages implements LiveSession.Listener {
    /** How long changes are gathered before they are pushed. */
    static final long GATHER_MS = 10;

    private final LiveSession session;
    private final Supplier<String> joinAddress;
    private final ScheduledExecutorService pusher = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("live-push"));
    private final Map<String, Set<WsContext>> students = new ConcurrentHashMap<>();
    private final Set<WsContext> teachers = ConcurrentHashMap.newKeySet();
    private final Set<String> pendingStudents = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean projectorPending = new AtomicBoolean();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    Pages(LiveSession session, Supplier<String> joinAddress) {
        this.session = session;
        this.joinAddress = joinAddress;
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
            pusher.schedule(this::push, GATHER_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void push() {
        scheduled.set(false);
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
        if (projectorPending.getAndSet(false) && !teachers.isEmpty()) {
            String text = LiveJson.projector(session.projector(), joinAddress.get());
            teachers.forEach(page -> trySend(page, text));
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
