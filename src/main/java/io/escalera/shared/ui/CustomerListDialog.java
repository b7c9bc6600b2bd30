package io.escalera.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.provider.CallbackDataProvider;

import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The records behind a number of a report (customers, orders, cases, answers), paged in SQL; a click on a row that
 * has a customer closes the dialog and opens that customer. Subclasses add the columns.
 */
public class CustomerListDialog<T> extends Dialog {

    private final Grid<T> grid = new Grid<>();

    /**
     * @param customerOf   the row's customer id, or null (an anonymous answer)
     * @param openCustomer how to open a customer (the customer module's page, which this module cannot name)
     */
    public CustomerListDialog(String title, String gridId, CallbackDataProvider.FetchCallback<T, Void> fetch,
                              Function<T, Long> customerOf, BiConsumer<UI, Long> openCustomer) {
        setHeaderTitle(title);
        setWidth("min(900px, 95vw)");
        setHeight("70vh");
        grid.setId(gridId);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setItems(fetch);
        grid.setEmptyStateText(getTranslation("ladder-reports.no-customers"));
        grid.addItemClickListener(e -> {
            Long customer = customerOf.apply(e.getItem());
            if (customer != null) {
                getUI().ifPresent(ui -> {
                    // the UI is taken before closing: a closed dialog is detached and has none
                    close();
                    openCustomer.accept(ui, customer);
                });
            }
        });
        grid.setSizeFull();
        add(grid);
        getFooter().add(new Button(getTranslation("action.close"), e -> close()));
    }

    protected Grid<T> grid() {
        return grid;
    }
}
