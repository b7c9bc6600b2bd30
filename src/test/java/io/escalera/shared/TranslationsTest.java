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
    void everyValueOfTheComplaintAndFeedbackEnumsHasItsText() throws IOException {
        Set<String> english = load("messages_en.properties").stringPropertyNames();
        java.util.Map<String, Enum<?>[]> families = new java.util.LinkedHashMap<>();
        families.put("complaint.status.", io.escalera.complaint.ComplaintStatus.values());
        families.put("complaint.category.", io.escalera.complaint.ComplaintCategory.values());
        families.put("complaint.severity.", io.escalera.complaint.Severity.values());
        families.put("complaint.sla.", io.escalera.complaint.SlaState.values());
        families.put("complaints.queue.", io.escalera.complaint.ComplaintQueue.values());
        families.put("compensation.type.", io.escalera.complaint.CompensationType.values());
        families.put("compensation.status.", io.escalera.complaint.CompensationStatus.values());
        families.put("channel.", io.escalera.interaction.InteractionChannel.values());
        families.put("feedback.kind.", io.escalera.feedback.FeedbackKind.values());
        families.put("survey.question.", io.escalera.feedback.FeedbackKind.values());
        families.put("timeline.feedback.", io.escalera.feedback.FeedbackKind.values());
        families.put("feedback.touchpoint.", io.escalera.feedback.Touchpoint.values());
        families.put("nps.", io.escalera.feedback.NpsCategory.values());
        families.put("loop.outcome.", io.escalera.feedback.FollowUpOutcome.values());
        families.put("outbox.origin.", io.escalera.feedback.InvitationOrigin.values());
        families.put("stage.", io.escalera.loyalty.Stage.values());
        families.put("timeline.stage.", io.escalera.loyalty.Stage.values());
        families.forEach((prefix, values) -> {
            for (Enum<?> value : values) {
                assertThat(english).contains(prefix + value.name());
            }
        });
        for (io.escalera.feedback.FeedbackKind kind : io.escalera.feedback.FeedbackKind.values()) {
            assertThat(english).contains("survey.scale." + kind + ".low", "survey.scale." + kind + ".high");
        }
        for (io.escalera.feedback.Survey.State state : io.escalera.feedback.Survey.State.values()) {
            if (state != io.escalera.feedback.Survey.State.QUESTIONS) {
                String key = switch (state) {
                    case ANSWERED -> "survey.thank-you";
                    case ALREADY_ANSWERED -> "survey.already-answered";
                    case TOO_MANY_REQUESTS -> "survey.too-many";
                    default -> "survey.not-available";
                };
                assertThat(english).contains(key + ".title", key + ".text");
            }
        }
        assertThat(english).contains("timeline.kind.STAGE", "timeline.kind.FEEDBACK", "complaint.history.breach.RESPONSE", "complaint.history.breach.RESOLUTION", "timeline.kind.COMPLAINT");
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
