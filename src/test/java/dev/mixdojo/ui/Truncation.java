package dev.mixdojo.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/** Finds controls whose words are cut short on screen ("Start d…"): their skin draws less text than they hold. */
public final class Truncation {
    private Truncation() {
    }

    /** "text → drawn" for each visible labelled control under {@code root} drawn with an ellipsis it does not have. */
    public static List<String> cutShort(Node root) {
        List<String> cut = new ArrayList<>();
        collect(root, cut);
        return cut;
    }

    private static void collect(Node node, List<String> cut) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()
                && !labeled.isWrapText() && labeled.lookup(".text") instanceof Text drawn
                && !drawn.getText().equals(labeled.getText())) {
            cut.add(labeled.getText() + " → " + drawn.getText());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, cut));
        }
    }

}
