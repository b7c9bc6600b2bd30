package io.escalera.shared.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Company-wide rules (SLA targets, compensation limit, ladder, value and survey rules) are ADMIN's to change: a
 * MANAGER reads them, with the save button disabled and a line saying who may change them. The services refuse the
 * change too; this only keeps the page honest.
 */
public final class CompanyWideRules {

    private CompanyWideRules() {
    }

    public static void readOnlyUnlessAdmin(VerticalLayout page, Button save) {
        if (isAdmin()) {
            return;
        }
        save.setEnabled(false);
        Paragraph note = new Paragraph(page.getTranslation("rules.admin-only"));
        note.setId("rules-admin-only");
        page.addComponentAsFirst(note);
    }

    private static boolean isAdmin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }
}
