package io.escalera.shared.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One answer for "no such page" and "not for you": both look the same, so that nobody learns what exists behind a
 * door they may not open.
 */
@AnonymousAllowed
public class PageNotAvailableView extends VerticalLayout {

    public PageNotAvailableView() {
        addClassName("page-not-available");
        setAlignItems(Alignment.CENTER);
        add(new H1(getTranslation("error.not-available.title")),
                new Paragraph(getTranslation("error.not-available.text")),
                new Anchor("", getTranslation("error.not-available.home")));
    }

    /** Routes that do not exist. */
    @AnonymousAllowed
    public static class NotFound extends PageNotAvailableView implements HasErrorParameter<NotFoundException> {
        @Override
        public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
            return HttpServletResponse.SC_NOT_FOUND;
        }
    }

    /** Routes the signed-in user's role may not open. */
    @AnonymousAllowed
    public static class Denied extends PageNotAvailableView implements HasErrorParameter<AccessDeniedException> {
        @Override
        public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
            return HttpServletResponse.SC_NOT_FOUND;
        }
    }
}
