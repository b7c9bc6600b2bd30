package io.escalera.shared.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import io.escalera.shared.CurrentUser;
import jakarta.annotation.security.PermitAll;

/** The start page: what the signed-in user's role can do, as links (no numbers invented for decoration). */
@Route("")
@Menu(title = "nav.home", order = 0, icon = "vaadin:home")
@PermitAll
public class HomeView extends VerticalLayout implements LocalizedTitle {

    public HomeView(CurrentUser currentUser) {
        addClassName("home-view");
        String role = currentUser.get().map(CurrentUser.SignedInUser::role).orElse("STAFF");
        add(new H1(getTranslation("home.welcome", currentUser.get().map(CurrentUser.SignedInUser::displayName).orElse(""))));
        add(new Paragraph(getTranslation("home.role." + role)));
        Div cards = new Div();
        cards.addClassName("home-cards");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            if (entry.path().isEmpty() || "/".equals(entry.path())) {
                continue;
            }
            Anchor card = new Anchor(entry.path());
            card.addClassName("home-card");
            card.add(new Span(getTranslation(entry.title())), new Paragraph(getTranslation(entry.title() + ".description")));
            cards.add(card);
        }
        add(cards);
    }

    @Override
    public String titleKey() {
        return "nav.home";
    }
}
