package io.escalera.feedback.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import io.escalera.customer.CustomerDetails;
import io.escalera.feedback.FeedbackKind;
import io.escalera.feedback.InvitationService;
import io.escalera.shared.ui.Notifications;
import io.escalera.feedback.SurveyLink;
import io.escalera.feedback.SurveyService;
import io.escalera.feedback.Touchpoint;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.SupportedLanguages;
import io.escalera.shared.ui.Formats;

import java.util.EnumSet;
import java.util.Locale;

/** Creates a survey link for a customer and shows it once, with a copy button. */
public class SurveyLinkDialog extends Dialog {

    public SurveyLinkDialog(SurveyService surveys, InvitationService invitations, CustomerDetails customer, Locale defaultLanguage) {
        setHeaderTitle(getTranslation("survey.link.title", customer.name()));
        setWidth("min(40rem, 96vw)");
        CheckboxGroup<FeedbackKind> kinds = new CheckboxGroup<>(getTranslation("survey.link.kinds"));
        kinds.setId("survey-kinds");
        kinds.setItems(FeedbackKind.values());
        kinds.setItemLabelGenerator(k -> getTranslation("feedback.kind." + k));
        kinds.setValue(EnumSet.of(FeedbackKind.NPS));
        Select<Touchpoint> touchpoint = new Select<>();
        touchpoint.setLabel(getTranslation("feedback.touchpoint"));
        touchpoint.setItems(Touchpoint.values());
        touchpoint.setItemLabelGenerator(t -> getTranslation("feedback.touchpoint." + t));
        touchpoint.setValue(Touchpoint.RELATIONSHIP);
        Select<Locale> language = new Select<>();
        language.setLabel(getTranslation("survey.link.language"));
        language.setItems(SupportedLanguages.ALL);
        language.setItemLabelGenerator(l -> l.getDisplayLanguage(l));
        language.setValue(SupportedLanguages.languageOf(defaultLanguage));
        TextField link = new TextField(getTranslation("survey.link.url"));
        link.setId("survey-url");
        link.setReadOnly(true);
        link.setWidthFull();
        link.setVisible(false);
        Paragraph expiry = new Paragraph();
        Button copy = new Button(getTranslation("survey.link.copy"), VaadinIcon.COPY.create(),
                e -> e.getSource().getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", link.getValue()));
        copy.setVisible(false);
        add(new FormLayout(kinds, touchpoint, language), link, copy, expiry);
        Button create = new Button(getTranslation("survey.link.create"));
        create.setId("survey-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> {
            try {
                SurveyLink created = surveys.createLink(customer.id(), kinds.getValue(), touchpoint.getValue(), language.getValue(), null, null);
                link.setValue(baseUrl() + created.path());
                link.setVisible(true);
                copy.setVisible(true);
                expiry.setText(getTranslation("survey.link.expires", Formats.dateTime(created.expiresAt(), getLocale())));
                create.setEnabled(false);
            } catch (FieldErrorsException ex) {
                kinds.setInvalid(true);
                kinds.setErrorMessage(getTranslation(ex.errors().getFirst().messageKey()));
            }
        });
        Button mail = new Button(getTranslation("survey.link.mail"), VaadinIcon.ENVELOPE_O.create());
        mail.setId("survey-mail");
        mail.setEnabled(customer.email() != null);
        mail.setTooltipText(customer.email() == null ? getTranslation("outbox.no-email") : customer.email());
        mail.addClickListener(e -> {
            try {
                SurveyLink created = surveys.createLink(customer.id(), kinds.getValue(), touchpoint.getValue(), language.getValue(), null, null);
                if (invitations.resend(created.invitationId())) {
                    Notifications.success(getTranslation("outbox.resent"));
                    close();
                } else {
                    Notifications.error(getTranslation("survey.link.mail-failed"));
                    close();
                }
            } catch (FieldErrorsException ex) {
                kinds.setInvalid(true);
                kinds.setErrorMessage(getTranslation(ex.errors().getFirst().messageKey()));
            }
        });
        getFooter().add(new Button(getTranslation("action.close"), e -> close()), mail, create);
    }

    /** The address the user reached the application on, so that the link works from outside too. */
    private static String baseUrl() {
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest request) {
            var http = request.getHttpServletRequest();
            String port = (http.getScheme().equals("http") && http.getServerPort() == 80)
                    || (http.getScheme().equals("https") && http.getServerPort() == 443) ? "" : ":" + http.getServerPort();
            return http.getScheme() + "://" + http.getServerName() + port + http.getContextPath() + "/";
        }
        return "/";
    }
}
