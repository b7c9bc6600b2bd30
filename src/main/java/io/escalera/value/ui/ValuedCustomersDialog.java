package io.escalera.value.ui;

import com.vaadin.flow.data.provider.CallbackDataProvider;
import io.escalera.customer.ui.CustomerView;
import io.escalera.shared.ui.CustomerListDialog;
import io.escalera.shared.ui.Formats;
import io.escalera.value.ValuedCustomer;

import java.util.Currency;

/** The customers of a matrix cell or an RFM segment, most valuable first; a click opens the customer's page. */
class ValuedCustomersDialog extends CustomerListDialog<ValuedCustomer> {

    ValuedCustomersDialog(String title, CallbackDataProvider.FetchCallback<ValuedCustomer, Void> fetch, Currency currency) {
        super(title, "value-customers", fetch, ValuedCustomer::customerId, (ui, id) -> ui.navigate(CustomerView.class, id));
        grid().addColumn(ValuedCustomer::name).setHeader(getTranslation("customer.name")).setFlexGrow(2);
        grid().addColumn(ValuedCustomer::unitName).setHeader(getTranslation("customer.unit")).setAutoWidth(true);
        grid().addColumn(c -> c.tier() == null ? "—" : c.tier().name()).setHeader(getTranslation("value.header.tier")).setAutoWidth(true);
        grid().addColumn(c -> Formats.money(c.economicValue(), currency, getLocale())).setHeader(getTranslation("value.economic")).setAutoWidth(true);
        grid().addColumn(c -> Formats.money(c.strategicValue(), currency, getLocale())).setHeader(getTranslation("value.strategic")).setAutoWidth(true);
        grid().addColumn(c -> getTranslation("nps-band." + c.npsBand())).setHeader(getTranslation("value.matrix.nps")).setAutoWidth(true);
        grid().addColumn(c -> c.riskScore() == null ? "—" : String.valueOf(c.riskScore())).setHeader(getTranslation("value.header.risk")).setAutoWidth(true);
    }
}
