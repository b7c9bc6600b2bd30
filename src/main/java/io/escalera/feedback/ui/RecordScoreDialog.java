package io.escalera.feedback.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import io.escalera.customer.CustomerDetails;
import io.escalera.feedback.FeedbackForm;
import io.escalera.feedback.FeedbackKind;
import io.escalera.feedback.FeedbackService;
import io.escalera.feedback.Touchpoint;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.ui.Notifications;

/**
 * Staff record what the customer answered: the question in its standard wording, one big button per score, an
 * optional comment. Linked to the interaction or case it came from, when there is one.
 */
public class RecordScoreDialog extends Dialog {

    private final FeedbackService feedback;
    private final CustomerDetails customer;
    private final Long interactionId;
    private final Long complaintId;
    private final Runnable onSaved;
    private final VerticalLayout body = new VerticalLayout();
    private final TextArea comment = new TextArea();
    private final Select<Touchpoint> touchpoint = new Select<>();
    private ScoreButtons score;
    private FeedbackKind kind = FeedbackKind.NPS;

    /** @param interactionId, complaintId what the answer is about, when it came from a call or a resolved case */
    public RecordScoreDialog(FeedbackService feedback, CustomerDetails customer, Long interactionId, Long complaintId,
                             Runnable onSaved) {
        this.feedback = feedback;
        this.customer = customer;
        this.interactionId = interactionId;
        this.complaintId = complaintId;
        this.onSaved = onSaved;
        setHeaderTitle(getTranslation("feedback.record.title", customer.name()));
        setWidth("min(48rem, 96vw)");
        RadioButtonGroup<FeedbackKind> kinds = new RadioButtonGroup<>();
        kinds.setId("feedback-kind");
        kinds.setItems(FeedbackKind.values());
        kinds.setItemLabelGenerator(k -> getTranslation("feedback.kind." + k));
        kinds.setValue(kind);
        kinds.addValueChangeListener(e -> {
            kind = e.getValue();
            drawQuestion();
        });
        touchpoint.setLabel(getTranslation("feedback.touchpoint"));
        touchpoint.setItems(Touchpoint.values());
        touchpoint.setItemLabelGenerator(t -> getTranslation("feedback.touchpoint." + t));
        touchpoint.setValue(interactionId == null && complaintId == null ? Touchpoint.RELATIONSHIP : Touchpoint.AFTER_CASE_RESOLUTION);
        comment.setLabel(getTranslation("feedback.comment"));
        comment.setId("feedback-comment");
        comment.setMaxLength(2000);
        comment.setWidthFull();
        body.setPadding(false);
        add(kinds, body, comment, touchpoint);
        drawQuestion();
        Button save = new Button(getTranslation("action.save"), e -> save());
        save.setId("feedback-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    private void drawQuestion() {
        body.removeAll();
        score = new ScoreButtons(kind, "score");
        body.add(new Paragraph(getTranslation("survey.question." + kind)), score);
    }

    private void save() {
        FeedbackForm form = new FeedbackForm();
        form.setCustomerId(customer.id());
        form.setKind(kind);
        form.setScore(score.getValue());
        form.setComment(comment.getValue());
        form.setTouchpoint(touchpoint.getValue());
        form.setInteractionId(interactionId);
        form.setComplaintId(complaintId);
        try {
            feedback.record(form);
            Notifications.success(getTranslation("feedback.saved"));
            close();
            onSaved.run();
        } catch (FieldErrorsException e) {
            e.errors().forEach(error -> {
                switch (error.field()) {
                    case "comment" -> { comment.setInvalid(true); comment.setErrorMessage(getTranslation(error.messageKey())); }
                    default -> { score.setInvalid(true); score.setErrorMessage(getTranslation(error.messageKey())); }
                }
            });
        }
    }
}
