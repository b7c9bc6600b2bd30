package io.escalera.feedback.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.escalera.feedback.FeedbackKind;
import io.escalera.feedback.Survey;
import io.escalera.feedback.SurveyService;
import io.escalera.shared.FieldErrorsException;

import java.util.EnumMap;
import java.util.Map;

/**
 * The public survey page, {@code /s/{token}}: no login, made for a phone, in the customer's language, one answer per
 * link. An expired or unknown link gets the same neutral page.
 */
@Route(value = "s", autoLayout = false)
@AnonymousAllowed
public class SurveyView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final SurveyService surveys;
    private final RespondentSessions sessions;
    private String token;
    private String address;

    public SurveyView(SurveyService surveys, RespondentSessions sessions) {
        this.surveys = surveys;
        this.sessions = sessions;
        addClassName("survey-view");
        setMaxWidth("40rem");
        getStyle().set("margin", "0 auto");
    }

    @Override
    public void setParameter(BeforeEvent event, String token) {
        this.token = token;
        this.address = VaadinSession.getCurrent() == null || VaadinSession.getCurrent().getBrowser() == null ? "?"
                : VaadinSession.getCurrent().getBrowser().getAddress();
        Survey survey = surveys.open(token, address);
        UI.getCurrent().setLocale(survey.language());
        if (survey.state() == Survey.State.QUESTIONS) {
            sessions.opened();
            questions(survey);
        } else {
            sessions.done();
            message(survey.state());
        }
    }

    private void questions(Survey survey) {
        removeAll();
        add(new H1(getTranslation("survey.title")));
        Map<FeedbackKind, ScoreButtons> answers = new EnumMap<>(FeedbackKind.class);
        for (FeedbackKind kind : survey.kinds()) {
            ScoreButtons score = new ScoreButtons(kind, "survey-" + kind.name().toLowerCase());
            answers.put(kind, score);
            add(new H3(getTranslation("survey.question." + kind)), score);
        }
        TextArea comment = new TextArea(getTranslation("survey.comment"));
        comment.setId("survey-comment");
        comment.setMaxLength(2000);
        comment.setWidthFull();
        Button send = new Button(getTranslation("survey.send"));
        send.setId("survey-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        send.addClickListener(e -> {
            Map<FeedbackKind, Integer> scores = new EnumMap<>(FeedbackKind.class);
            boolean complete = true;
            for (var answer : answers.entrySet()) {
                answer.getValue().setInvalid(answer.getValue().getValue() == null);
                answer.getValue().setErrorMessage(getTranslation("survey.choose-a-score"));
                complete &= answer.getValue().getValue() != null;
                scores.put(answer.getKey(), answer.getValue().getValue());
            }
            if (!complete) {
                return;
            }
            try {
                Survey.State state = surveys.answer(token, scores, comment.getValue(), address);
                sessions.done();
                message(state);
            } catch (FieldErrorsException ex) {
                comment.setInvalid(true);
                comment.setErrorMessage(getTranslation(ex.errors().getFirst().messageKey()));
            }
        });
        add(comment, send);
    }

    private void message(Survey.State state) {
        removeAll();
        String key = switch (state) {
            case ANSWERED -> "survey.thank-you";
            case ALREADY_ANSWERED -> "survey.already-answered";
            case TOO_MANY_REQUESTS -> "survey.too-many";
            default -> "survey.not-available";
        };
        H1 title = new H1(getTranslation(key + ".title"));
        title.setId("survey-message");
        add(title, new Paragraph(getTranslation(key + ".text")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("survey.title");
    }
}
