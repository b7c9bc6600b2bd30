package io.escalera.customer;

import io.escalera.shared.imports.ImportActor;
import io.escalera.shared.imports.ImportSummary;
import io.escalera.shared.imports.StagedImport;
import io.escalera.customer.internal.CustomerImportStore;
import io.escalera.customer.internal.Phones;
import io.escalera.shared.Settings;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Customers in bulk, for the import of a file, as {@link OrderImport} does for orders: staged (with the same search
 * forms of name and phone the screens keep), checked set-based (the dry run), committed in one transaction, matched by
 * the customer's external code so that a re-import changes nothing.
 */
@Service
@RolesAllowed({"MANAGER", "ADMIN"})
public class CustomerImport extends StagedImport<CustomerImport.StagedCustomer> {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._/-]+");

    private final CustomerImportStore store;
    private final Settings settings;

    CustomerImport(CustomerImportStore store, ImportActor actor, Settings settings, ApplicationEventPublisher events, Clock clock) {
        super(store, actor, events, clock);
        this.store = store;
        this.settings = settings;
    }

    /** One row of the file as read; {@code reasonKey} is a problem found while reading, which rejects the row. */
    public record StagedCustomer(int line, String externalCode, String name, String email, String phone, LocalDate birthDate,
                                 String unitCode, AcquisitionChannel channel, Boolean surveyConsent, LocalDate registeredOn,
                                 String reasonKey, String detail) {
    }

    /** Adds rows to the staging area: e-mails in lower case, phones in E.164 with their search forms, names' search form. */
    @Override
    public void stage(long importId, List<StagedCustomer> rows) {
        String region = settings.get(CustomerService.DEFAULT_PHONE_REGION, "ES");
        store.stage(importId, rows.stream().map(row -> prepared(row, region)).toList());
    }

    private static CustomerImportStore.Prepared prepared(StagedCustomer row, String region) {
        String reason = row.reasonKey();
        String detail = row.detail();
        String email = row.email() == null ? null : row.email().toLowerCase(Locale.ROOT);
        Phones.Phone phone = null;
        if (reason == null && row.externalCode() != null && !CODE.matcher(row.externalCode()).matches()) {
            reason = "import.format.bad-code";
            detail = row.externalCode();
        } else if (reason == null && email != null && !EMAIL.matcher(email).matches()) {
            reason = "import.format.bad-email";
            detail = email;
        } else if (reason == null && row.phone() != null) {
            phone = Phones.parse(row.phone(), region).orElse(null);
            if (phone == null) {
                reason = "import.format.bad-phone";
                detail = row.phone();
            }
        }
        return new CustomerImportStore.Prepared(row, email, phone, reason, detail);
    }

    @Override
    protected Object announcement(long importId, ImportSummary summary) {
        return new CustomerEvents.CustomersImported(importId, summary.created(), summary.updated());
    }
}
