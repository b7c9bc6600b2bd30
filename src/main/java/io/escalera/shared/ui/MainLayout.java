package io.escalera.shared.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.escalera.shared.CurrentUser;
import jakarta.annotation.security.PermitAll;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The shell around every signed-in view: navigation with only what the user may open, who is signed in, language,
 * changing one's own password, logout.
 */
@Layout
@PermitAll
// The production bundle loads a route's components with that route. Components created only in beans reached
// through contribution points (customer page sections, header actions, dialogs, shared helpers) are not seen from
// any route's code, so they are declared here, with the layout every signed-in view shares. Without them the
// packaged jar shows e.g. the value section's Details as plain children, or breaks grids and selects.
// PackagedJarSmokeIT opens every route of the packaged jar to prove it.
@Uses(Details.class)
@Uses(Grid.class)
@Uses(Dialog.class)
@Uses(ConfirmDialog.class)
@Uses(ComboBox.class)
@Uses(MultiSelectComboBox.class)
@Uses(DatePicker.class)
@Uses(Select.class)
@Uses(FormLayout.class)
@Uses(CustomField.class)
@Uses(Checkbox.class)
@Uses(CheckboxGroup.class)
@Uses(RadioButtonGroup.class)
@Uses(TextField.class)
@Uses(TextArea.class)
@Uses(EmailField.class)
@Uses(PasswordField.class)
@Uses(IntegerField.class)
@Uses(BigDecimalField.class)
@Uses(ProgressBar.class)
@Uses(Notification.class)
public class MainLayout extends AppLayout {

    /** The route of the security module's change-password view. */
    public static final String CHANGE_PASSWORD_ROUTE = "account/password";

    private final ObjectProvider<HeaderAction> headerActions;

    public MainLayout(CurrentUser currentUser, AuthenticationContext authenticationContext,
                      ObjectProvider<HeaderAction> headerActions) {
        this.headerActions = headerActions;
        setPrimarySection(Section.DRAWER);
        Span brand = new Span(getTranslation("app.name"));
        brand.addClassName("app-brand");
        addToDrawer(brand, new Scroller(navigation()));
        addToNavbar(new DrawerToggle(), header(currentUser, authenticationContext));
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.addClassName("main-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null && entry.icon().startsWith("vaadin:")) {
                item.setPrefixComponent(new Icon("vaadin", entry.icon().substring("vaadin:".length())));
            }
            nav.addItem(item);
        }
        return nav;
    }

    private HorizontalLayout header(CurrentUser currentUser, AuthenticationContext authenticationContext) {
        HorizontalLayout header = new HorizontalLayout();
        header.addClassName("app-header");
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.END);
        headerActions.orderedStream().filter(HeaderAction::availableToCurrentUser).forEach(action -> header.add(action.create()));
        currentUser.get().ifPresent(user -> {
            Div who = new Div();
            who.addClassName("signed-in-user");
            Span name = new Span(user.displayName());
            name.addClassName("user-name");
            Span details = new Span(getTranslation("role." + user.role()) + " · " + user.unitName());
            details.addClassName("user-details");
            who.add(name, details);
            header.add(who);
        });
        header.add(new LanguageSelect(currentUser::changeLanguage));
        if (currentUser.get().isPresent()) {
            // The security module's view, named by its route: the shared shell does not depend on security.
            Button password = new Button(getTranslation("action.change-password"), VaadinIcon.KEY.create(),
                    click -> getUI().ifPresent(ui -> ui.navigate(CHANGE_PASSWORD_ROUTE)));
            password.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            password.setId("change-password");
            header.add(password);
        }
        Button logout = new Button(getTranslation("action.logout"), VaadinIcon.SIGN_OUT.create(),
                click -> authenticationContext.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");
        header.add(logout);
        return header;
    }
}
