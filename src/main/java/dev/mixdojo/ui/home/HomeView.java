package dev.mixdojo.ui.home;

import dev.mixdojo.progress.PracticeDays;
import dev.mixdojo.ui.Notices;
import dev.mixdojo.ui.WhileShown;
import dev.mixdojo.ui.Work;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The start screen: a "continue" button, today's practice, and the curriculum as a map of lesson
 * cards (progress toward mastery, accuracy, locked until their prerequisites are mastered). Tab moves between
 * cards; Enter or Space opens one.
 */
public final class HomeView extends ScrollPane {
    private static final double CARD_TEXT_WIDTH_PX = 226;
    /** Height of a day's bar when its goal is met, in pixels. */
    private static final double WEEK_BAR_PX = 36;

    private final HomeViewModel model;
    private final VBox map = new VBox();
    private final VBox practice = new VBox();

    public HomeView(HomeViewModel model) {
        this.model = model;
        getStyleClass().addAll("home", "screen-scroll");
        setFitToWidth(true);
        VBox content = new VBox();
        content.getStyleClass().addAll("screen");

        Label title = new Label("Welcome to MixDojo");
        title.getStyleClass().add("title");
        Label intro = new Label("Train your ears for mixing: hear what an EQ boost, a compressor, a pan move or a "
                + "fader ride does, answer in the units engineers use, and check your own mixes against a target.");
        intro.setWrapText(true);
        intro.getStyleClass().add("body");

        Button continueButton = new Button();
        continueButton.setId("home-continue");
        continueButton.getStyleClass().add("accent");
        continueButton.textProperty().bind(model.continueTextProperty());
        continueButton.accessibleTextProperty().bind(model.continueTextProperty());
        continueButton.visibleProperty().bind(model.continueTextProperty().isNotEmpty());
        continueButton.managedProperty().bind(continueButton.visibleProperty());
        continueButton.setOnAction(e -> model.continueLesson());

        Label status = Notices.label("home-status", model.statusProperty());

        Label todayText = new Label();
        todayText.setId("home-today");
        todayText.getStyleClass().add("card-title");
        todayText.textProperty().bind(model.todayProperty());
        ProgressBar todayBar = new ProgressBar();
        todayBar.setId("home-today-bar");
        todayBar.setAccessibleText("Today's goal");
        todayBar.setPrefWidth(260);
        todayBar.progressProperty().bind(model.todayShareProperty());
        Label streak = new Label();
        streak.setId("home-streak");
        streak.textProperty().bind(model.streakProperty());
        streak.setWrapText(true);
        Label week = new Label();
        week.setId("home-week");
        week.setWrapText(true);
        week.getStyleClass().add("card-detail");
        week.textProperty().bind(model.weekProperty());
        HBox weekBars = new HBox(4);
        weekBars.setId("home-week-bars");
        weekBars.getStyleClass().add("week-bars");
        model.weekDaysProperty().addListener((obs, old, days) -> showWeek(weekBars, days));
        VBox days = new VBox(6, new HBox(12, todayText, todayBar), streak, weekBars, week);
        days.getStyleClass().addAll("panel", "home-days");
        days.visibleProperty().bind(model.loadedProperty());
        days.managedProperty().bind(days.visibleProperty());

        Label practiceHeading = new Label("Today's practice");
        practiceHeading.getStyleClass().add("heading");
        practice.getStyleClass().add("practice");
        practice.setId("home-practice");
        Label mapHeading = new Label("Your lessons");
        mapHeading.getStyleClass().add("heading");
        map.getStyleClass().add("lesson-map");
        map.setId("home-lessons");

        content.getChildren().addAll(title, intro, status, continueButton, days, practiceHeading, practice, mapHeading, map);
        setContent(content);

        model.lessons().addListener((ListChangeListener<HomeViewModel.LessonItem>) c -> buildMap(model.lessons()));
        model.suggestions().addListener((ListChangeListener<HomeViewModel.SuggestionItem>) c -> buildPractice());
        Work.markBusy(this, model.busyProperty());
        // The store may change on another screen (an answer saved): Home reads it each time it shows.
        WhileShown.follow(this, model.store().recordsProperty(), records -> model.refresh());
        WhileShown.follow(this, model.store().problemProperty(), problem -> model.refresh());
        WhileShown.follow(this, model.goal(), goal -> model.refresh());
    }

    /** A bar per day of the week (its height the share of the goal met, marked when met), with the weekday under it. */
    private void showWeek(HBox bars, List<PracticeDays.Day> week) {
        bars.getChildren().clear();
        for (PracticeDays.Day day : week) {
            double share = day.shareOf(model.goal().getValue());
            Region bar = new Region();
            bar.getStyleClass().addAll("week-bar", day.goalMet() ? "met" : "not-met");
            double heightPx = Math.max(2, WEEK_BAR_PX * share);
            bar.setMinSize(22, heightPx);
            bar.setMaxSize(22, heightPx);
            Label name = new Label(day.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            name.getStyleClass().add("card-detail");
            VBox column = new VBox(2, bar, name);
            column.setAlignment(Pos.BOTTOM_CENTER);
            column.setMinHeight(WEEK_BAR_PX + 20);
            column.setAccessibleText(day.date() + ": " + day.questions() + " questions, " + Math.round(day.minutes()) + " min"
                    + (day.goalMet() ? ", goal met" : ""));
            bars.getChildren().add(column);
        }
    }

    private void buildMap(List<HomeViewModel.LessonItem> items) {
        Map<String, FlowPane> units = new LinkedHashMap<>();
        for (HomeViewModel.LessonItem item : items) {
            units.computeIfAbsent(item.unit(), u -> {
                FlowPane cards = new FlowPane();
                cards.setRowValignment(VPos.TOP);
                cards.getStyleClass().add("cards");
                return cards;
            }).getChildren().add(card(item));
        }
        map.getChildren().clear();
        units.forEach((unit, cards) -> {
            Label heading = new Label(unit);
            heading.getStyleClass().add("unit-title");
            map.getChildren().addAll(heading, cards);
        });
    }

    /**
     * A lesson card: a focusable box that acts as a button (click, Enter or Space opens the lesson).
     * A Button with this box as its graphic measures wrapped text badly, so the box does it itself.
     */
    private VBox card(HomeViewModel.LessonItem item) {
        Label name = new Label(item.title());
        name.getStyleClass().add("card-title");
        fixedWidth(name);
        ProgressBar bar = new ProgressBar(item.fractionDone());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setFocusTraversable(false);
        Label detail = new Label(item.detail());
        detail.getStyleClass().add("card-detail");
        fixedWidth(detail);
        VBox card = new VBox(name, bar, detail);
        card.setId("lesson-" + item.id());
        card.getStyleClass().add("card");
        if (!item.unlocked()) {
            card.getStyleClass().add("locked");
        } else if (item.finished()) {
            card.getStyleClass().add("finished");
        }
        card.setAccessibleRole(AccessibleRole.BUTTON);
        card.setAccessibleText(item.accessibleText());
        card.setDisable(!item.unlocked());
        card.setFocusTraversable(item.unlocked());
        card.setOnMouseClicked(e -> {
            card.requestFocus();
            model.open(item.id());
        });
        card.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                e.consume();
                model.open(item.id());
            }
        });
        return card;
    }

    /**
     * Wraps a card's label at the card's width: a wrapping label inside a button's graphic is
     * otherwise measured at no width at all, one word per line.
     */
    private static void fixedWidth(Label label) {
        label.setWrapText(true);
        label.setPrefWidth(CARD_TEXT_WIDTH_PX);
        label.setMinHeight(Region.USE_PREF_SIZE);
    }

    private void buildPractice() {
        practice.getChildren().clear();
        if (model.suggestions().isEmpty()) {
            Label none = new Label("Finish a few questions and MixDojo suggests practice for your weakest skills here.");
            none.setWrapText(true);
            none.getStyleClass().add("hint");
            practice.getChildren().add(none);
            return;
        }
        for (HomeViewModel.SuggestionItem s : model.suggestions()) {
            Button go = new Button("Practise");
            go.setAccessibleText("Practise " + s.title());
            go.setOnAction(e -> model.open(s.lessonId()));
            Label what = new Label(s.title());
            what.getStyleClass().add("card-title");
            Label why = new Label(s.reason());
            why.setWrapText(true);
            why.getStyleClass().add("card-detail");
            VBox text = new VBox(what, why);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(go, text);
            row.getStyleClass().addAll("suggestion", "row");
            practice.getChildren().add(row);
        }
    }
}
