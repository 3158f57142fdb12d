package dev.mixdojo.base.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixdojo.base.BadInputException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlFilesTest {
    private static final Path FILE = Path.of("lessons/example.yaml");

    @Test
    void nodesRememberLineAndColumn() {
        Problems problems = new Problems();
        YamlNode root = YamlFiles.parse(FILE, "id: eq-1\ndrills:\n  - kind: eq-band\n    questions: 10\n", problems).orElseThrow();
        YamlNode.MapNode map = (YamlNode.MapNode) root;
        YamlNode.ListNode drills = (YamlNode.ListNode) map.get("drills").orElseThrow();
        YamlNode.MapNode drill = (YamlNode.MapNode) drills.items().get(0);
        assertThat(drill.get("questions").orElseThrow().location()).isEqualTo(new Location(FILE, 4, 16));
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void syntaxErrorsAndDuplicateKeysAreProblemsWithPlaces() {
        Problems problems = new Problems();
        YamlFiles.parse(FILE, "id: a\nid: b\n", problems);
        YamlFiles.parse(FILE, "id: [unclosed\n", problems);
        assertThat(problems.all()).extracting(Problem::toString)
                .anySatisfy(s -> assertThat(s).startsWith("lessons/example.yaml:2:1: the key 'id' appears twice"))
                .anySatisfy(s -> assertThat(s).contains("not valid YAML"));
    }

    @Test
    void aMissingFileIsOneSentenceNamingIt() {
        assertThatThrownBy(() -> YamlFiles.read(Path.of("no/such/lesson.yaml"), new Problems()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("no/such/lesson.yaml: no such file.");
    }

    @Test
    void aMapReaderReportsEveryProblemAtOnce() {
        Problems problems = new Problems();
        YamlNode root = YamlFiles.parse(FILE, """
                title: 12
                questions: 0
                gainDb: 40
                mode: loud
                colour: red
                """, problems).orElseThrow();
        MapReader reader = MapReader.of(root, problems, "drill").orElseThrow();
        reader.requiredText("id");
        reader.integer("questions", 1, 100, 10);
        reader.number("gainDb", -15, 15, 6);
        reader.oneOf("mode", List.of("practice", "exam"));
        reader.requiredText("title");
        reader.finish();
        assertThat(problems.all()).extracting(Problem::toString).containsExactly(
                "lessons/example.yaml:1:1: drill needs 'id'",
                "lessons/example.yaml:2:12: drill questions must be between 1 and 100, got 0",
                "lessons/example.yaml:3:9: drill gainDb must be between -15 and 15, got 40",
                "lessons/example.yaml:4:7: drill mode must be one of practice, exam, got 'loud'",
                "lessons/example.yaml:5:1: unknown key 'colour' in drill");
    }
}
