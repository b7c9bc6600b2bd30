package io.escalera.shared.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import io.escalera.complaint.RootCause;
import io.escalera.complaint.RootCauseService;
import io.escalera.complaint.ui.RootCausesView;
import io.escalera.interaction.Reason;
import io.escalera.interaction.ReasonService;
import io.escalera.interaction.ui.ReasonsView;
import io.escalera.security.Role;
import io.escalera.security.SystemUser;
import io.escalera.support.BrowserlessWindows;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two company-wide name lists a MANAGER keeps share one grid ({@link NameListGrid}): names are added, refused with
 * the reason next to the field (the text stays), renamed in place, retired and used again.
 */
@EscaleraTest
class NameListViewsTest {

    @Autowired TestUsers testUsers;
    @Autowired ReasonService reasons;
    @Autowired RootCauseService rootCauses;

    @RegisterExtension
    final BrowserlessWindows windows = new BrowserlessWindows();
    private BrowserlessUIContext window;
    private final String unique = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void signInAsManager() {
        window = windows.signedIn(testUsers.newUser(Role.MANAGER));
        window.getUI().setLocale(Locale.ENGLISH);
    }

    @Test
    void aReasonIsAddedRefusedWhenTakenRenamedInPlaceRetiredAndUsedAgain() {
        window.navigate(ReasonsView.class);
        TextField name = window.find(TextField.class).withId("reason-name").single();
        Button add = window.find(Button.class).withId("reason-add").single();

        window.test(name).setValue("Delivery " + unique);
        window.test(add).click();
        assertThat(name.getValue()).as("cleared after the save").isEmpty();
        assertThat(reason("Delivery " + unique)).isNotNull();

        window.test(name).setValue("delivery " + unique.toUpperCase(Locale.ROOT));
        window.test(add).click();
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("This reason already exists.");
        assertThat(name.getValue()).as("what was typed stays").isEqualTo("delivery " + unique.toUpperCase(Locale.ROOT));

        @SuppressWarnings("unchecked")
        Grid<Reason> grid = window.find(Grid.class).single();
        int row = rowOf(grid, "Delivery " + unique);
        TextField inPlace = (TextField) window.test(grid).getCellComponent(row, 0);
        window.test(inPlace).setValue("Late delivery " + unique);
        assertThat(reason("Late delivery " + unique)).as("renamed").isNotNull();

        row = rowOf(grid, "Late delivery " + unique);
        assertThat(window.test(grid).getCellText(row, 1)).isEqualTo("In use");
        window.test((Button) window.test(grid).getCellComponent(row, 2)).click();
        assertThat(reason("Late delivery " + unique).retired()).isTrue();
        row = rowOf(grid, "Late delivery " + unique);
        assertThat(window.test(grid).getCellText(row, 1)).isEqualTo("Retired");
        window.test((Button) window.test(grid).getCellComponent(row, 2)).click();
        assertThat(reason("Late delivery " + unique).retired()).as("used again").isFalse();
    }

    @Test
    void aSubCauseIsAddedUnderItsCauseShownOneLevelInAndRetired() {
        window.navigate(RootCausesView.class);
        TextField name = window.find(TextField.class).withId("root-cause-name").single();
        Button add = window.find(Button.class).withId("root-cause-add").single();
        window.test(name).setValue("Packaging " + unique);
        window.test(add).click();
        RootCause cause = SystemUser.call(() -> rootCauses.tree()).stream().filter(r -> r.name().equals("Packaging " + unique))
                .findFirst().orElseThrow();

        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.select.Select<RootCause> parent =
                window.find(com.vaadin.flow.component.select.Select.class).withId("root-cause-parent").single();
        parent.setValue(parent.getListDataView().getItems().filter(r -> r.id() == cause.id()).findFirst().orElseThrow());
        window.test(name).setValue("Torn box");
        window.test(add).click();

        @SuppressWarnings("unchecked")
        Grid<RootCause> grid = window.find(Grid.class).single();
        List<RootCause> rows = grid.getListDataView().getItems().toList();
        int sub = rows.indexOf(rows.stream().filter(r -> cause.id() == (r.parentId() == null ? -1 : r.parentId())).findFirst().orElseThrow());
        assertThat(rows.get(sub - 1).id()).as("right under its cause").isEqualTo(cause.id());
        assertThat(window.test(grid).getCellText(sub, 1)).isEqualTo("Sub-cause");
        assertThat(((TextField) window.test(grid).getCellComponent(sub, 0)).getStyle().get("padding-left")).isNotNull();
        window.test((Button) window.test(grid).getCellComponent(sub, 3)).click();
        assertThat(window.test(grid).getCellText(sub, 2)).isEqualTo("Retired");
    }

    private Reason reason(String name) {
        return SystemUser.call(() -> reasons.all()).stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    private static int rowOf(Grid<Reason> grid, String name) {
        List<Reason> rows = grid.getListDataView().getItems().toList();
        return rows.indexOf(rows.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow());
    }
}
