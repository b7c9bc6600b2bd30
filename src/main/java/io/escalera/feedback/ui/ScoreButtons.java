package io.escalera.feedback.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.escalera.feedback.FeedbackKind;

import java.util.ArrayList;
import java.util.List;

/**
 * One big, touch-friendly button per score of a question (0–10, 1–5 or 1–7), with the scale's two ends in words under
 * it. A field: it binds like any other, and the keyboard reaches every button.
 */
public class ScoreButtons extends CustomField<Integer> {

    private final List<Button> buttons = new ArrayList<>();
    private Integer score;

    public ScoreButtons(FeedbackKind kind, String idPrefix) {
        HorizontalLayout row = new HorizontalLayout();
        row.setSpacing(false);
        row.getStyle().set("gap", "var(--lumo-space-xs)").set("flex-wrap", "wrap");
        for (int value = kind.min(); value <= kind.max(); value++) {
            int chosen = value;
            Button button = new Button(String.valueOf(value), e -> {
                setScore(chosen);
                updateValue();
            });
            button.setId(idPrefix + "-" + value);
            button.addThemeVariants(ButtonVariant.LUMO_LARGE);
            button.getStyle().set("min-width", "3.2em").set("margin", "0");
            buttons.add(button);
            row.add(button);
        }
        Span low = new Span(getTranslation("survey.scale." + kind + ".low"));
        Span high = new Span(getTranslation("survey.scale." + kind + ".high"));
        HorizontalLayout ends = new HorizontalLayout(low, high);
        ends.setWidthFull();
        ends.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        ends.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        Div box = new Div(row, ends);
        box.getStyle().set("max-width", "40em");
        add(box);
    }

    private void setScore(Integer value) {
        score = value;
        for (Button button : buttons) {
            boolean selected = value != null && button.getText().equals(String.valueOf(value));
            if (selected) {
                button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            } else {
                button.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
        }
    }

    @Override
    protected Integer generateModelValue() {
        return score;
    }

    @Override
    protected void setPresentationValue(Integer value) {
        setScore(value);
    }
}
