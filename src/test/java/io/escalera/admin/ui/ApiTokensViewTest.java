package io.escalera.admin.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.escalera.admin.Unit;
import io.escalera.admin.UnitKind;
import io.escalera.security.ApiToken;
import io.escalera.security.Role;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An ADMIN issues an API token (its secret shown once, only its hash kept) and revokes it after confirming. */
@EscaleraTest
class ApiTokensViewTest {

    @Autowired TestUsers testUsers;
    @Autowired JdbcClient jdbc;

    @org.junit.jupiter.api.extension.RegisterExtension
    final io.escalera.support.BrowserlessWindows windows = new io.escalera.support.BrowserlessWindows();
    private BrowserlessUIContext window;
    private long unitId;

    @BeforeEach
    void openTheTokensScreenAsAdmin() {
        window = windows.signedIn(testUsers.newUser(Role.ADMIN));
        unitId = testUsers.newUnit(UnitKind.STORE);
        window.navigate(ApiTokensView.class);
    }

    @Test
    void anIssuedTokensSecretIsShownOnceAndOnlyItsHashIsKept() throws Exception {
        String name = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        issue(name);

        String secret = window.find(TextField.class).withId("api-token-secret").single().getValue();
        assertThat(secret).startsWith("esc_").hasSizeGreaterThan(40);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        assertThat(jdbc.sql("SELECT role, unit_id, token_hash FROM api_token WHERE name = ?").param(name)
                .query((rs, n) -> rs.getString(1) + "/" + rs.getLong(2) + "/" + rs.getString(3)).single())
                .isEqualTo("MANAGER/" + unitId + "/" + hash);
        window.test(window.find(Button.class).withId("api-token-secret-done").single()).click();
        assertThat(window.find(TextField.class).withId("api-token-secret").all()).isEmpty();
        assertThat(tokensOnScreen()).anySatisfy(t -> assertThat(t.name()).isEqualTo(name));

        // the same name again, while the first is active: refused at the field, what was typed stays
        issue(name);
        TextField field = window.find(TextField.class).withId("api-token-name").single();
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isEqualTo("An active token already has this name.");
        assertThat(field.getValue()).isEqualTo(name);
    }

    @Test
    void revokingAsksFirstAndThenRefusesTheToken() {
        String name = "pos-" + UUID.randomUUID().toString().substring(0, 8);
        issue(name);
        window.test(window.find(Button.class).withId("api-token-secret-done").single()).click();

        @SuppressWarnings("unchecked")
        Grid<ApiToken> grid = window.find(Grid.class).single();
        int row = grid.getListDataView().getItems().toList().indexOf(grid.getListDataView().getItems()
                .filter(t -> t.name().equals(name)).findFirst().orElseThrow());
        Button revoke = (Button) window.test(grid).getCellComponent(row, grid.getColumns().size() - 1);
        window.test(revoke).click();
        ConfirmDialog confirm = window.find(ConfirmDialog.class).single();
        assertThat(revokedAt(name)).as("nothing happens before confirming").isEmpty();
        window.test(confirm).confirm();

        assertThat(revokedAt(name)).isPresent();
        assertThat(tokensOnScreen()).filteredOn(t -> t.name().equals(name)).singleElement()
                .satisfies(t -> assertThat(t.revokedBy()).isNotBlank());
    }

    private java.util.Optional<java.sql.Timestamp> revokedAt(String name) {
        return jdbc.sql("SELECT revoked_at FROM api_token WHERE name = ?").param(name)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getTimestamp(1))).single();
    }

    @SuppressWarnings("unchecked")
    private java.util.List<ApiToken> tokensOnScreen() {
        return ((Grid<ApiToken>) window.find(Grid.class).single()).getListDataView().getItems().toList();
    }

    @SuppressWarnings("unchecked")
    private void issue(String name) {
        window.test(window.find(Button.class).withId("api-token-new").single()).click();
        window.test(window.find(TextField.class).withId("api-token-name").single()).setValue(name);
        window.find(Select.class).withId("api-token-role").single().setValue(Role.MANAGER);
        ComboBox<Unit> unit = window.find(ComboBox.class).withId("api-token-unit").single();
        unit.setValue(unit.getListDataView().getItems().filter(u -> u.id() == unitId).findFirst().orElseThrow());
        assertThat(window.find(DatePicker.class).withId("api-token-expires").single().getValue()).isAfter(LocalDate.now());
        window.test(window.find(Button.class).withId("api-token-issue").single()).click();
    }
}
