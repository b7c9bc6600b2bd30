package io.escalera.shared;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text exists in English and in Spanish, and every key the code names exists. */
class TranslationsTest {

    /** Literal keys in the code: getTranslation("x"), translate("x"), @Menu(title = "x"), field errors and policies. */
    private static final Pattern KEY_IN_CODE = Pattern.compile(
            "(?:getTranslation|translate)\\(\"([a-z][\\w.-]+)\"|title = \"([a-z][\\w.-]+)\"|FieldError\\(\"\\w+\", \"([a-z][\\w.-]+)\"\\)"
                    + "|FieldErrorsException\\.of\\(\"\\w+\", \"([a-z][\\w.-]+)\"\\)|Optional\\.of\\(\"([a-z][\\w.-]+)\"\\)");

    @Test
    void englishAndSpanishHaveExactlyTheSameKeys() throws IOException {
        Set<String> english = load("messages_en.properties").stringPropertyNames();
        Set<String> spanish = load("messages_es.properties").stringPropertyNames();
        assertThat(new TreeSet<>(spanish)).as("keys missing in Spanish or only in Spanish")
                .containsExactlyInAnyOrderElementsOf(new TreeSet<>(english));
    }

    @Test
    void noTranslationIsEmpty() throws IOException {
        for (String file : new String[]{"messages_en.properties", "messages_es.properties"}) {
            Properties properties = load(file);
            assertThat(properties.stringPropertyNames()).as(file)
                    .allSatisfy(key -> assertThat(properties.getProperty(key)).as(key).isNotBlank());
        }
    }

    @Test
    void everyKeyTheCodeUsesIsTranslated() throws IOException {
        Set<String> english = load("messages_en.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = KEY_IN_CODE.matcher(Files.readString(source));
                while (matcher.find()) {
                    for (int group = 1; group <= matcher.groupCount(); group++) {
                        // a key ending in "." is a family completed at run time (e.g. "role." + role): see the next test
                        if (matcher.group(group) != null && !matcher.group(group).endsWith(".")) {
                            used.add(matcher.group(group));
                        }
                    }
                }
            }
        }
        assertThat(used).as("keys found in the code").hasSizeGreaterThan(50);
        assertThat(english).containsAll(used);
    }

    @Test
    void everyRoleAndUnitKindHasItsTexts() throws IOException {
        Set<String> english = load("messages_en.properties").stringPropertyNames();
        for (io.escalera.security.Role role : io.escalera.security.Role.values()) {
            assertThat(english).contains(role.labelKey(), "home.role." + role.name());
        }
        for (io.escalera.admin.UnitKind kind : io.escalera.admin.UnitKind.values()) {
            assertThat(english).contains("unit.kind." + kind.name());
        }
    }

    @Test
    void everyValueOfTheComplaintEnumsHasItsText() throws IOException {
        Set<String> english = load("messages_en.properties").stringPropertyNames();
        java.util.Map<String, Enum<?>[]> families = java.util.Map.of(
                "complaint.status.", io.escalera.complaint.ComplaintStatus.values(),
                "complaint.category.", io.escalera.complaint.ComplaintCategory.values(),
                "complaint.severity.", io.escalera.complaint.Severity.values(),
                "complaint.sla.", io.escalera.complaint.SlaState.values(),
                "complaints.queue.", io.escalera.complaint.ComplaintQueue.values(),
                "compensation.type.", io.escalera.complaint.CompensationType.values(),
                "compensation.status.", io.escalera.complaint.CompensationStatus.values(),
                "channel.", io.escalera.interaction.InteractionChannel.values());
        families.forEach((prefix, values) -> {
            for (Enum<?> value : values) {
                assertThat(english).contains(prefix + value.name());
            }
        });
        assertThat(english).contains("complaint.history.breach.RESPONSE", "complaint.history.breach.RESOLUTION", "timeline.kind.COMPLAINT");
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TranslationsTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
