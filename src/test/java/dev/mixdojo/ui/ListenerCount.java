package dev.mixdojo.ui;

import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.IdentityHashMap;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.WeakListener;

/**
 * Counts the listeners registered on the JavaFX observables that objects hold in their fields (a
 * {@code ReadOnly…Wrapper}'s read-only side included), as JavaFX 21 keeps them (each property's
 * {@code ExpressionHelper}). A weak listener whose owner was collected is not counted: JavaFX drops
 * it at the next change. Fails on an observable whose listeners it cannot read, rather than counting 0.
 */
final class ListenerCount {
    private ListenerCount() {
    }

    /** The listeners on every observable held in a field of {@code owners}, by observable ("Owner.field"). */
    static Map<String, Integer> byObservable(Object... owners) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        for (Object owner : owners) {
            for (Class<?> type = owner.getClass(); type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers())) {
                        continue;
                    }
                    Object value = read(field, owner);
                    if (value instanceof Observable observable && seen.put(observable, true) == null) {
                        String name = owner.getClass().getSimpleName() + "." + field.getName();
                        counts.put(name, of(observable));
                        readOnlySide(observable).ifPresent(side -> counts.put(name + " (read-only)", of(side)));
                    }
                }
            }
        }
        return counts;
    }

    /** The sum of {@link #byObservable}. */
    static int total(Map<String, Integer> byObservable) {
        return byObservable.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The live listeners on one observable. */
    static int of(Observable observable) {
        // Properties keep their listeners in "helper", observable lists and maps in "listenerHelper".
        Field helperField = hasField(observable.getClass(), "helper") ? field(observable.getClass(), "helper")
                : field(observable.getClass(), "listenerHelper");
        Object helper = read(helperField, observable);
        if (helper == null) {
            return 0;
        }
        String kind = helper.getClass().getSimpleName();
        switch (kind) {
            case "SingleInvalidation", "SingleChange" -> {
                return live(read(field(helper.getClass(), "listener"), helper)) ? 1 : 0;
            }
            case "Generic" -> {
                return liveIn((Object[]) read(field(helper.getClass(), "invalidationListeners"), helper),
                        (int) read(field(helper.getClass(), "invalidationSize"), helper))
                        + liveIn((Object[]) read(field(helper.getClass(), "changeListeners"), helper),
                        (int) read(field(helper.getClass(), "changeSize"), helper));
            }
            default -> throw new AssertionError("cannot count the listeners of a " + observable.getClass() + " (" + kind + ")");
        }
    }

    private static java.util.Optional<Observable> readOnlySide(Observable observable) {
        try {
            Object side = observable.getClass().getMethod("getReadOnlyProperty").invoke(observable);
            return side != observable && side instanceof Observable o ? java.util.Optional.of(o) : java.util.Optional.empty();
        } catch (NoSuchMethodException e) {
            return java.util.Optional.empty();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static int liveIn(Object[] listeners, int size) {
        int count = 0;
        for (int i = 0; listeners != null && i < size; i++) {
            count += live(listeners[i]) ? 1 : 0;
        }
        return count;
    }

    private static boolean live(Object listener) {
        return listener != null && !(listener instanceof WeakListener weak && weak.wasGarbageCollected());
    }

    private static boolean hasField(Class<?> type, String name) {
        for (Class<?> t = type; t != null; t = t.getSuperclass()) {
            if (java.util.Arrays.stream(t.getDeclaredFields()).anyMatch(f -> f.getName().equals(name))) {
                return true;
            }
        }
        return false;
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> t = type; t != null; t = t.getSuperclass()) {
            try {
                Field field = t.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new AssertionError(type + " has no field " + name + ": JavaFX keeps its listeners elsewhere now");
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new AssertionError("cannot read " + field, e);
        }
    }

    /** How many of {@code tracked} are still reachable. */
    static long alive(java.util.List<? extends WeakReference<?>> tracked) {
        return tracked.stream().filter(reference -> reference.get() != null).count();
    }
}
