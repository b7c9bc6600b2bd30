package io.escalera.feedback.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.escalera.customer.ui.CustomerView;
import io.escalera.feedback.AnswerRow;
import io.escalera.feedback.FeedbackKind;
import io.escalera.feedback.FeedbackService;
import io.escalera.shared.TableWriter;
import io.escalera.shared.ui.Formats;
import io.escalera.shared.ui.LocalizedTitle;
import io.escalera.shared.ui.StreamingDownload;
import jakarta.annotation.security.RolesAllowed;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Every survey answer of the user's units, newest first, by kind and days; exported with the same filters. */
@Route("feedback/answers")
@Menu(title = "nav.answers", order = 18.5, icon = "vaadin:comment-ellipsis-o")
@RolesAllowed({"MANAGER", "EXECUTIVE", "ADMIN"})
public class AnswersView extends VerticalLayout implements LocalizedTitle {

    private final FeedbackService feedback;
    private final Select<FeedbackKind> kind = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Grid<AnswerRow> grid = new Grid<>();

    public AnswersView(FeedbackService feedback) {
        this.feedback = feedback;
        setSizeFull();
        kind.setId("answers-kind");
        kind.setLabel(getTranslation("answers.kind"));
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption(getTranslation("answers.any-kind"));
        kind.setItems(FeedbackKind.values());
        kind.setItemLabelGenerator(k -> k == null ? getTranslation("answers.any-kind") : getTranslation("feedback.kind." + k));
        from.setId("answers-from");
        from.setLabel(getTranslation("answers.from"));
        to.setId("answers-to");
        to.setLabel(getTranslation("answers.to"));
        from.setLocale(getLocale());
        to.setLocale(getLocale());
        from.addValueChangeListener(e -> {
            to.setMin(e.getValue());
            grid.getDataProvider().refreshAll();
        });
        to.addValueChangeListener(e -> {
            from.setMax(e.getValue());
            grid.getDataProvider().refreshAll();
        });
        kind.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        grid.setId("answers-grid");
        grid.addColumn(a -> Formats.dateTime(a.answeredAt(), getLocale())).setHeader(getTranslation("answers.answered")).setAutoWidth(true);
        grid.addComponentColumn(a -> a.customerId() == null ? new Span(getTranslation("loop.anonymous"))
                : new RouterLink(a.customerName(), CustomerView.class, a.customerId()))
                .setHeader(getTranslation("complaint.customer")).setAutoWidth(true);
        grid.addColumn(a -> getTranslation("feedback.kind." + a.kind())).setHeader(getTranslation("answers.kind")).setAutoWidth(true);
        grid.addColumn(AnswerRow::score).setHeader(getTranslation("answers.score")).setAutoWidth(true);
        grid.addColumn(a -> a.comment() == null ? "" : a.comment()).setHeader(getTranslation("feedback.comment")).setFlexGrow(3);
        grid.addColumn(a -> getTranslation("feedback.touchpoint." + a.touchpoint())).setHeader(getTranslation("feedback.touchpoint")).setAutoWidth(true);
        grid.addColumn(a -> getTranslation("answers.source." + a.source())).setHeader(getTranslation("answers.source")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("answers.empty"));
        grid.setItems(q -> feedback.answers(kind.getValue(), from.getValue(), to.getValue(), q.getOffset(), q.getLimit()).stream());

        HorizontalLayout filters = new HorizontalLayout(kind, from, to);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        StreamingDownload.exportLinks(this, "answers", this::export).forEach(filters::add);
        add(filters, grid);
    }

    /** The whole list with the filters of the moment of the click, streamed. */
    private void export(TableWriter.Format format, OutputStream out) {
        FeedbackKind chosenKind = kind.getValue();
        LocalDate first = from.getValue();
        LocalDate last = to.getValue();
        try (TableWriter writer = TableWriter.of(format, out, getTranslation("nav.answers"))) {
            writer.row(List.of(getTranslation("answers.answered"), getTranslation("complaint.customer"), getTranslation("answers.kind"),
                    getTranslation("answers.score"), getTranslation("feedback.comment"), getTranslation("feedback.touchpoint"),
                    getTranslation("answers.source")));
            feedback.forEachAnswer(chosenKind, first, last, a -> writer.row(Arrays.asList(Formats.dateTime(a.answeredAt(), getLocale()),
                    a.customerId() == null ? getTranslation("loop.anonymous") : a.customerName(), a.kind().name(), a.score(),
                    a.comment(), getTranslation("feedback.touchpoint." + a.touchpoint()), getTranslation("answers.source." + a.source()))));
        }
    }

    @Override
    public String titleKey() {
        return "nav.answers";
    }
}
