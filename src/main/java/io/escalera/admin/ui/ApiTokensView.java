package io.escalera.admin.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.escalera.admin.Unit;
import io.escalera.admin.UnitService;
import io.escalera.security.ApiToken;
import io.escalera.security.ApiTokenForm;
import io.escalera.security.ApiTokens;
import io.escalera.security.Role;
import io.escalera.shared.ui.FormSave;
import io.escalera.shared.ui.Formats;
import io.escalera.shared.ui.LocalizedTitle;
import io.escalera.shared.ui.Notifications;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * ADMIN: API tokens for shop systems and other integrations. A token's secret is shown once, when it is issued; the
 * list shows what each token may do, until when, and when it was last used; revoking takes effect at the next call.
 */
@Route("admin/api-tokens")
@Menu(title = "nav.admin.api-tokens", order = 94, icon = "vaadin:key")
@RolesAllowed("ADMIN")
public class ApiTokensView extends VerticalLayout implements LocalizedTitle {

    private final ApiTokens tokens;
    private final UnitService units;
    private final Clock clock;
    private final Grid<ApiToken> grid = new Grid<>();

    public ApiTokensView(ApiTokens tokens, UnitService units, Clock clock) {
        this.tokens = tokens;
        this.units = units;
        this.clock = clock;
        setSizeFull();
        Button issue = new Button(getTranslation("api-tokens.new"), e -> openIssueDialog());
        issue.setId("api-token-new");
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Anchor docs = new Anchor("/swagger-ui.html", getTranslation("api-tokens.docs"));
        docs.setTarget("_blank");
        HorizontalLayout toolbar = new HorizontalLayout(issue, docs);
        toolbar.setAlignItems(Alignment.BASELINE);

        grid.addColumn(ApiToken::name).setHeader(getTranslation("api-token.name")).setAutoWidth(true);
        grid.addColumn(t -> t.prefix() + "…").setHeader(getTranslation("api-token.prefix")).setAutoWidth(true);
        grid.addColumn(t -> getTranslation(t.role().labelKey())).setHeader(getTranslation("user.role")).setAutoWidth(true);
        grid.addColumn(ApiToken::unitName).setHeader(getTranslation("user.unit")).setAutoWidth(true);
        grid.addColumn(t -> Formats.date(t.expiresAt(), getLocale())).setHeader(getTranslation("api-token.expires")).setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? getTranslation("api-token.never-used") : Formats.dateTime(t.lastUsedAt(), getLocale()))
                .setHeader(getTranslation("api-token.last-used")).setAutoWidth(true);
        grid.addColumn(t -> getTranslation("api-token.created-by", t.createdBy(), Formats.date(t.createdAt(), getLocale())))
                .setHeader(getTranslation("api-token.created")).setAutoWidth(true);
        grid.addColumn(this::status).setHeader(getTranslation("api-token.status")).setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("api-tokens.empty"));
        grid.setSizeFull();
        refresh();
        add(new Paragraph(getTranslation("api-tokens.explanation")), toolbar, grid);
    }

    private String status(ApiToken token) {
        if (token.revokedAt() != null) {
            return getTranslation("api-token.status.revoked", token.revokedBy(), Formats.date(token.revokedAt(), getLocale()));
        }
        return getTranslation(token.usableAt(Instant.now(clock)) ? "api-token.status.active" : "api-token.status.expired");
    }

    private Button revokeButton(ApiToken token) {
        Button revoke = new Button(getTranslation("api-token.revoke"), e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("api-token.revoke.title", token.name()),
                    getTranslation("api-token.revoke.text"), getTranslation("api-token.revoke"), ok -> {
                tokens.revoke(token.id());
                Notifications.success(getTranslation("api-token.revoked", token.name()));
                refresh();
            });
            confirm.setConfirmButtonTheme("error primary");
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.open();
        });
        revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        revoke.setVisible(token.revokedAt() == null);
        return revoke;
    }

    private void refresh() {
        grid.setItems(tokens.list());
    }

    private void openIssueDialog() {
        Dialog dialog = new Dialog(getTranslation("api-tokens.new"));
        dialog.setWidth("min(36rem, 95vw)");
        BeanValidationBinder<ApiTokenForm> binder = new BeanValidationBinder<>(ApiTokenForm.class);
        TextField name = new TextField(getTranslation("api-token.name"));
        name.setId("api-token-name");
        name.setHelperText(getTranslation("api-token.name.help"));
        Select<Role> role = new Select<>();
        role.setId("api-token-role");
        role.setLabel(getTranslation("user.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation(r.labelKey()));
        List<Unit> all = units.all();
        ComboBox<Unit> unit = new ComboBox<>(getTranslation("user.unit"));
        unit.setId("api-token-unit");
        unit.setItems(all);
        unit.setItemLabelGenerator(u -> u.code() + " · " + u.name());
        DatePicker expires = new DatePicker(getTranslation("api-token.expires"));
        expires.setId("api-token-expires");
        LocalDate today = LocalDate.now(clock);
        expires.setMin(today.plusDays(1));
        expires.setMax(today.plusDays(ApiTokens.MAX_DAYS));
        expires.setHelperText(getTranslation("api-token.expires.help", ApiTokens.MAX_DAYS));

        binder.forField(name).bind("name");
        binder.forField(role).bind("role");
        binder.forField(unit).withConverter(u -> u == null ? null : u.id(),
                id -> id == null ? null : all.stream().filter(u -> u.id() == id).findFirst().orElse(null)).bind("unitId");
        binder.forField(expires).bind("expiresOn");
        ApiTokenForm form = new ApiTokenForm();
        form.setExpiresOn(today.plusDays(90));
        binder.readBean(form);

        dialog.add(new FormLayout(name, role, unit, expires));
        Button save = new Button(getTranslation("api-token.issue"), e -> {
            try {
                binder.writeBean(form);
            } catch (ValidationException invalid) {
                return;
            }
            ApiToken.Issued[] issued = new ApiToken.Issued[1];
            if (FormSave.attempt(binder, dialog, () -> issued[0] = tokens.issue(form), () -> { }, () -> { })) {
                dialog.close();
                refresh();
                showSecretOnce(issued[0]);
            }
        });
        save.setId("api-token-issue");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
        name.focus();
    }

    private void showSecretOnce(ApiToken.Issued issued) {
        Dialog dialog = new Dialog(getTranslation("api-token.secret.title", issued.token().name()));
        dialog.setWidth("min(40rem, 95vw)");
        dialog.setCloseOnOutsideClick(false);
        TextField secret = new TextField(getTranslation("api-token.secret"));
        secret.setId("api-token-secret");
        secret.setValue(issued.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.addFocusListener(e -> secret.getElement().executeJs("this.inputElement.select()"));
        Button done = new Button(getTranslation("api-token.secret.stored"), e -> dialog.close());
        done.setId("api-token-secret-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph(getTranslation("api-token.secret.once")), secret,
                new Paragraph(getTranslation("api-token.secret.usage")));
        dialog.getFooter().add(done);
        dialog.open();
        secret.focus();
    }

    @Override
    public String titleKey() {
        return "nav.admin.api-tokens";
    }
}
