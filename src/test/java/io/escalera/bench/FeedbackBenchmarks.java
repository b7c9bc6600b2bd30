package io.escalera.bench;

import io.escalera.feedback.FeedbackKind;
import io.escalera.feedback.InvitationService;
import io.escalera.feedback.Survey;
import io.escalera.feedback.SurveyLink;
import io.escalera.feedback.SurveyService;
import io.escalera.feedback.Touchpoint;
import io.escalera.feedback.internal.FeedbackDataGenerator;
import io.escalera.security.Role;
import io.escalera.security.SystemUser;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers, the public survey page and the invitation round at scale, on the benchmark database of
 * {@link CustomerBenchmarks} (and the cases of {@link ComplaintBenchmarks}); answers are generated once if missing.
 */
@BenchmarkDatabase
class FeedbackBenchmarks {

    @Autowired FeedbackDataGenerator generator;
    @Autowired SurveyService surveys;
    @Autowired InvitationService invitations;
    @Autowired TestUsers testUsers;
    @Autowired JdbcClient jdbc;

    private final BenchmarkTable table = new BenchmarkTable("Voice of the customer");

    @BeforeAll
    void answers() throws Exception {
        long customerCount = jdbc.sql("SELECT COUNT(*) FROM customer").query(Long.class).single();
        assertThat(customerCount).as("run CustomerBenchmarks first: it generates the customers").isPositive();
        if (jdbc.sql("SELECT COUNT(*) FROM feedback").query(Long.class).single() == 0) {
            long first = jdbc.sql("SELECT MIN(id) FROM customer").query(Long.class).single();
            long last = jdbc.sql("SELECT MAX(id) FROM customer").query(Long.class).single();
            FeedbackDataGenerator.Result result = generator.load(first, last, 42, LocalDate.now());
            table.add(String.format(Locale.ROOT, "answers generated: %,d answers, %,d follow-ups", result.answers(), result.followUps()),
                    String.format(Locale.ROOT, "%,.0f rows/s (%.0f s)", result.rowsPerSecond(), result.elapsed().toMillis() / 1000.0),
                    "(reported)", true);
            jdbc.sql("ANALYZE TABLE feedback, feedback_follow_up").query().listOfRows();
        }
        table.note(String.format(Locale.ROOT, "%,d customers (%,d agreed to surveys), %,d answers, %,d follow-ups", customerCount,
                jdbc.sql("SELECT COUNT(*) FROM customer WHERE survey_consent").query(Long.class).single(),
                jdbc.sql("SELECT COUNT(*) FROM feedback").query(Long.class).single(),
                jdbc.sql("SELECT COUNT(*) FROM feedback_follow_up").query(Long.class).single()));
    }

    @Test
    void benchmarks() throws Exception {
        surveyAnswers();
        invitationRound();
        table.printAndWrite("feedback.md");
    }

    /** A customer opens their link and answers NPS + CSAT with a comment: the two requests of the public page. */
    private void surveyAnswers() {
        List<Long> consenting = jdbc.sql("SELECT id FROM customer WHERE survey_consent ORDER BY id LIMIT 300").query(Long.class).list();
        var staff = testUsers.newUser(Role.STAFF, true);
        SecurityContextHolder.getContext().setAuthentication(testUsers.authenticationOf(staff));
        List<SurveyLink> links = new ArrayList<>();
        try {
            for (long customer : consenting) {
                links.add(surveys.createLink(customer, EnumSet.of(FeedbackKind.NPS, FeedbackKind.CSAT), Touchpoint.RELATIONSHIP, null, null, null));
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        long[] nanos = new long[links.size()];
        for (int i = 0; i < links.size(); i++) {
            String token = links.get(i).token();
            String address = "bench-" + i;
            long start = System.nanoTime();
            Survey survey = surveys.open(token, address);
            Survey.State state = surveys.answer(token, Map.of(FeedbackKind.NPS, i % 11, FeedbackKind.CSAT, 1 + i % 5), "Benchmark answer", address);
            nanos[i] = System.nanoTime() - start;
            assertThat(survey.state()).isEqualTo(Survey.State.QUESTIONS);
            assertThat(state).isEqualTo(Survey.State.ANSWERED);
        }
        table.latency("public survey page: open the link + answer NPS and CSAT (detractors open follow-ups)", nanos, 100);
    }

    /** The nightly relationship round over every customer (rules, consent, cap), set-based. */
    private void invitationRound() {
        jdbc.sql("DELETE FROM survey_invitation WHERE origin = 'RELATIONSHIP'").update();
        long start = System.nanoTime();
        int invited = SystemUser.call(invitations::inviteRelationship);
        long elapsed = System.nanoTime() - start;
        long customers = jdbc.sql("SELECT COUNT(*) FROM customer").query(Long.class).single();
        table.add(String.format(Locale.ROOT, "relationship invitation round over %,d customers (consent, buyers, cap): %,d invited", customers, invited),
                String.format(Locale.ROOT, "%.1f s", elapsed / 1e9), "≤ 60 s", elapsed / 1e9 <= 60);
    }
}
