package dev.mixdojo.ui;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Lets one screen open another with an argument (Home opens a lesson by id) without knowing the
 * shell; the shell attaches itself when the window is built. JavaFX thread only.
 */
public final class Navigation {
    /** A request to show screen {@code screenId} with {@code argument} (e.g. a lesson id; may be empty). */
    public record Request(String screenId, String argument) {
    }

    private final ReadOnlyObjectWrapper<Request> last = new ReadOnlyObjectWrapper<>();
    private Predicate<String> known = id -> false;
    private Consumer<String> show = id -> {
    };

    /** Connects the shell: which screen ids it has and how it shows one. */
    public void attach(Predicate<String> knownScreens, Consumer<String> showScreen) {
        this.known = knownScreens;
        this.show = showScreen;
    }

    /** Whether a screen with this id is in this build. */
    public boolean canOpen(String screenId) {
        return known.test(screenId);
    }

    /** Records the request (the target screen reads its argument from it) and shows the screen. */
    public void open(String screenId, String argument) {
        last.set(new Request(screenId, argument));
        show.accept(screenId);
    }

    /** The latest request, which the opened screen reads when it is built or shown. */
    public ReadOnlyObjectProperty<Request> lastRequestProperty() {
        return last.getReadOnlyProperty();
    }

    /** The argument of the latest request for {@code screenId}, if the latest request was for it. */
    public Optional<String> argumentFor(String screenId) {
        return Optional.ofNullable(last.get()).filter(r -> r.screenId().equals(screenId)).map(Request::argument);
    }
}
