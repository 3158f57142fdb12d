package dev.mixdojo.ui.teacher;

import dev.mixdojo.ui.AssignmentFileChooser;
import dev.mixdojo.ui.Notices;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/**
 * The teacher's gradebook: choose the folder of collected results files and, to check signatures,
 * the assignment file; see one row per file with its flags, and per question and per skill the
 * share of the class that got it right. Until a folder is opened it shows a made-up example class.
 */
public final class TeacherView extends VBox {
    /** Room on each side of a column heading, in pixels (the header's own padding and its sort arrow). */
    private static final double HEADING_PADDING_PX = 10;

    public TeacherView(TeacherViewModel model, Path exampleFolder) {
        getStyleClass().addAll("screen", "teacher");
        Label heading = new Label("Gradebook");
        heading.getStyleClass().add("title");

        TextField folder = new TextField();
        folder.setId("teacher-folder");
        folder.setPromptText("Folder of results files");
        folder.setAccessibleText("Folder of results files; Enter opens it");
        folder.setPrefColumnCount(30);
        folder.textProperty().bindBidirectional(model.folderProperty());
        folder.setOnAction(e -> model.load());
        Button chooseFolder = new Button("Results folder…");
        chooseFolder.setId("teacher-choose-folder");
        chooseFolder.setAccessibleText("Choose the folder of results files");
        chooseFolder.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder of results files");
            File chosen = chooser.showDialog(getScene().getWindow());
            if (chosen != null) {
                model.folderProperty().set(chosen.toString());
                model.load();
            }
        });
        TextField assignment = new TextField();
        assignment.setId("teacher-assignment");
        assignment.setPromptText("Assignment file (optional, checks signatures)");
        assignment.setAccessibleText("Assignment file, optional; Enter opens the results with it");
        assignment.setPrefColumnCount(24);
        assignment.textProperty().bindBidirectional(model.assignmentProperty());
        assignment.setOnAction(e -> model.load());
        Button chooseAssignment = new Button("Assignment…");
        chooseAssignment.setId("teacher-choose-assignment");
        chooseAssignment.setAccessibleText("Choose the assignment file");
        chooseAssignment.setOnAction(e -> AssignmentFileChooser.choose(this).ifPresent(chosen -> {
            model.assignmentProperty().set(chosen.toString());
            model.load();
        }));
        Button open = new Button("Open");
        open.setId("teacher-open");
        open.setAccessibleText("Read the results folder");
        open.setOnAction(e -> model.load());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(model.loadingProperty());
        HBox.setHgrow(folder, Priority.ALWAYS);
        for (Button button : List.of(chooseFolder, chooseAssignment, open)) {
            button.setMinWidth(Region.USE_PREF_SIZE); // the text fields give way, never the buttons' words
        }
        HBox chooseRow = new HBox(8, chooseFolder, folder, chooseAssignment, assignment, open, busy);
        chooseRow.getStyleClass().add("row");

        Label title = new Label();
        title.setId("teacher-title");
        title.getStyleClass().add("heading");
        title.textProperty().bind(model.titleProperty());
        Label summary = new Label();
        summary.setId("teacher-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        Label message = Notices.label("teacher-message", model.messageProperty());

        TableView<TeacherViewModel.StudentLine> students = table("teacher-students", "Students: one row per results file",
                model.students(), List.of(
                        column("Student", 180, TeacherViewModel.StudentLine::student),
                        column("Score %", 70, TeacherViewModel.StudentLine::scorePercent),
                        column("Result", 60, TeacherViewModel.StudentLine::result),
                        column("Time taken", 90, TeacherViewModel.StudentLine::timeSpent),
                        column("Flags", 120, TeacherViewModel.StudentLine::flags),
                        column("Why", 320, TeacherViewModel.StudentLine::notes),
                        column("File", 260, TeacherViewModel.StudentLine::file)));
        TableView<TeacherViewModel.ShareLine> questions = table("teacher-questions",
                "Questions: share of the class that got each right", model.questions(), shareColumns("Question"));
        TableView<TeacherViewModel.ShareLine> skills = table("teacher-skills",
                "Skills: share of the class's answers that were right", model.skills(), shareColumns("Skill"));
        VBox.setVgrow(students, Priority.ALWAYS);
        HBox shares = new HBox(12, questions, skills);
        HBox.setHgrow(questions, Priority.ALWAYS);
        HBox.setHgrow(skills, Priority.ALWAYS);
        Label hint = new Label("Time taken: from opening the first question to handing in. Flagged rows are not proof: "
                + "see docs/classroom.md for what a signature shows.");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        getChildren().addAll(heading, chooseRow, title, summary, message, new Label("Students"), students,
                new Label("Per question and per skill"), shares, hint);

        if (model.folderProperty().get().isBlank()) {
            model.showExample(exampleFolder);
        }
    }

    private static List<TableColumn<TeacherViewModel.ShareLine, String>> shareColumns(String what) {
        return List.of(column(what, 300, TeacherViewModel.ShareLine::what),
                column("Right", 80, TeacherViewModel.ShareLine::right),
                column("Share %", 80, TeacherViewModel.ShareLine::sharePercent));
    }

    private static <T> TableView<T> table(String id, String accessibleText, ObservableList<T> rows,
            List<TableColumn<T, String>> columns) {
        TableView<T> table = new TableView<>(rows);
        table.setId(id);
        table.setAccessibleText(accessibleText);
        table.getColumns().addAll(columns);
        table.setPrefHeight(180);
        // Columns share the table's width, so no column is cut off at the right edge.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("Nothing to show yet"));
        return table;
    }

    /**
     * A column headed {@code name}, {@code widthPx} wide when there is room; never narrower than its
     * heading (as the theme and the projector scale draw it), so a squeezed table cuts the long text
     * columns, not the headings.
     */
    private static <T> TableColumn<T, String> column(String name, double widthPx, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(name);
        Label heading = new Label(name);
        heading.setMinWidth(Region.USE_PREF_SIZE);
        column.setText(null);
        column.setGraphic(heading);
        column.minWidthProperty().bind(Bindings.createDoubleBinding(() -> heading.prefWidth(-1) + 2 * HEADING_PADDING_PX,
                heading.fontProperty(), heading.textProperty()));
        column.setPrefWidth(widthPx);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
