package io.escalera.feedback.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.select.Select;
import io.escalera.customer.CustomerDetails;
import io.escalera.feedback.AnswerRow;
import io.escalera.feedback.FeedbackKind;
import io.escalera.security.Role;
import io.escalera.security.UserAccount;
import io.escalera.support.Downloads;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestAnswers;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The survey answers list as a manager reads and exports it (browserless). */
@EscaleraTest
class AnswersViewTest {

    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;
    @Autowired TestAnswers answers;

    @org.junit.jupiter.api.extension.RegisterExtension
    final io.escalera.support.BrowserlessWindows windows = new io.escalera.support.BrowserlessWindows();


    @Test
    @SuppressWarnings("unchecked")
    void aManagerReadsTheUnitsAnswersByKindAndExportsWhatIsOnScreen() throws Exception {
        UserAccount manager = testUsers.newUser(Role.MANAGER);
        CustomerDetails ana = testCustomers.newCustomer(manager.unitId());
        answers.answer(ana, FeedbackKind.NPS, 9);
        answers.answer(ana, FeedbackKind.NPS, 3);
        answers.answer(ana, FeedbackKind.CSAT, 5);
        answers.answer(testCustomers.newCustomer(testUsers.newUser(Role.MANAGER).unitId()), FeedbackKind.NPS, 10);
        BrowserlessUIContext window = windows.signedIn(manager);
        window.navigate(AnswersView.class);

        Grid<AnswerRow> grid = window.find(Grid.class).withId("answers-grid").single();
        assertThat(window.test(grid).size()).as("the unit's answers only").isEqualTo(3);
        window.test(window.find(Select.class).withId("answers-kind").single()).selectItem("Recommendation (NPS)");
        assertThat(window.test(grid).size()).isEqualTo(2);
        assertThat(window.test(grid).getCellText(0, 1)).isEqualTo(ana.name());

        byte[] csv = Downloads.fetch(window.find(Anchor.class).withId("answers-export-csv").single());
        List<String> lines = new String(csv, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getFirst()).isEqualTo("\uFEFFAnswered,Customer,Survey,Score,Comment,When,Given through");
        // the answer time is quoted (it holds a comma): the fields after the customer tell the answers apart
        assertThat(lines.subList(1, lines.size())).extracting(line -> line.substring(line.indexOf(ana.name() + ",") + ana.name().length() + 1))
                .containsExactlyInAnyOrder("NPS,9,,Relationship,Recorded by staff", "NPS,3,,Relationship,Recorded by staff");
    }
}
