package io.escalera.customer;

import io.escalera.admin.UnitService;
import io.escalera.customer.internal.CustomerEntity;
import io.escalera.customer.internal.CustomerQueries;
import io.escalera.customer.internal.CustomerRepository;
import io.escalera.customer.internal.Phones;
import io.escalera.customer.internal.SearchText;
import io.escalera.customer.internal.UnitFilter;
import io.escalera.security.SignedInUsers;
import io.escalera.security.UnitDirectory;
import io.escalera.security.UnitScopes;
import io.escalera.shared.AuditLog;
import io.escalera.shared.ConcurrentEditException;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.FieldErrorsException.FieldError;
import io.escalera.shared.NotFoundException;
import io.escalera.shared.Settings;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Finding, creating and editing customers, always within the units the signed-in user may see: a customer of
 * another unit is "not found", never "forbidden".
 */
@Service
public class CustomerService {

    public static final String DEFAULT_PHONE_REGION = "customer.default-phone-region";

    private final CustomerRepository customers;
    private final CustomerQueries queries;
    private final UnitFilter unitFilter;
    private final UnitScopes scopes;
    private final UnitService units;
    private final SignedInUsers signedIn;
    private final Settings settings;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final CustomerSegmentFilters segments;

    CustomerService(CustomerRepository customers, CustomerQueries queries, UnitFilter unitFilter, UnitScopes scopes, UnitService units,
                    SignedInUsers signedIn, Settings settings, AuditLog auditLog, ApplicationEventPublisher events, Clock clock,
                    CustomerSegmentFilters segments) {
        this.segments = segments;
        this.customers = customers;
        this.queries = queries;
        this.unitFilter = unitFilter;
        this.scopes = scopes;
        this.units = units;
        this.signedIn = signedIn;
        this.settings = settings;
        this.auditLog = auditLog;
        this.events = events;
        this.clock = clock;
    }

    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public List<CustomerSummary> search(CustomerSearch search, Sort sort, long offset, int limit) {
        return queries.search(search, unitFilter.visibleUnits(search.unitId(), search.allUnits()), sort, offset, limit,
                unitFilter.unitNames(), segments.condition(search.segment(), "c.id"));
    }

    /**
     * A few good matches for a typeahead (quick log, referrals) while the user types: names starting with the text, in
     * name order; when those do not fill the page, any match (code, e-mail, phone, a word inside the name).
     */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public List<CustomerSummary> typeahead(String text, long offset, int limit) {
        return queries.typeahead(text, unitFilter.visibleUnits(null, false), offset, limit, unitFilter.unitNames());
    }

    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public CustomerDetails get(long id) {
        CustomerEntity customer = customers.findById(id).filter(c -> scopes.canSee(c.getHomeUnitId()))
                .orElseThrow(() -> new NotFoundException("customer", id));
        return toDetails(customer);
    }

    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public Optional<CustomerDetails> find(long id) {
        try {
            return Optional.of(get(id));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** Existing customers who may be the one being typed in (same e-mail, same phone, same name in the same unit). */
    @RolesAllowed({"STAFF", "MANAGER", "ADMIN"})
    @Transactional(readOnly = true)
    public List<PossibleDuplicate> possibleDuplicates(CustomerForm form, Long editedId) {
        String email = form.getEmail() == null ? null : form.getEmail().toLowerCase(Locale.ROOT);
        String phoneDigits = Phones.parse(form.getPhone(), phoneRegion()).map(Phones.Phone::digits).orElse(null);
        String name = StringUtils.hasText(form.getName()) ? SearchText.normalise(form.getName()) : null;
        return queries.duplicates(email, phoneDigits, name, form.getHomeUnitId(), editedId).stream()
                .map(row -> new PossibleDuplicate(((Number) row.get("id")).longValue(), (String) row.get("external_code"),
                        (String) row.get("name"), (String) row.get("email"), (String) row.get("phone"), (String) row.get("reason")))
                .filter(d -> find(d.id()).isPresent())
                .toList();
    }

    @RolesAllowed({"STAFF", "MANAGER", "ADMIN"})
    @Transactional
    public CustomerDetails create(CustomerForm form) {
        Phones.Phone phone = validate(form, null);
        CustomerEntity customer = new CustomerEntity();
        apply(form, phone, customer);
        customer.setCreatedAt(clock.instant());
        CustomerEntity saved = customers.saveAndFlush(customer);
        queries.replaceNameWords(saved.getId(), saved.getNameSearch());
        auditLog.record("CUSTOMER_CREATED", "customer", saved.getExternalCode(), saved.getName());
        events.publishEvent(new CustomerEvents.CustomerRegistered(saved.getId(), saved.getHomeUnitId(),
                saved.getAcquisitionChannel(), LocalDate.now(clock)));
        return toDetails(saved);
    }

    /**
     * The customer, when the user may act on their records (log, open a case, book an order, record a score): within
     * the user's home units, never widened. Out of scope is "not found".
     */
    @RolesAllowed({"STAFF", "MANAGER", "ADMIN"})
    @Transactional(readOnly = true)
    public CustomerDetails forAction(long id) {
        return toDetails(actable(id));
    }

    /** As {@link #forAction}, empty when the customer is unknown or out of the user's home units. */
    @RolesAllowed({"STAFF", "MANAGER", "ADMIN"})
    @Transactional(readOnly = true)
    public Optional<CustomerDetails> findForAction(long id) {
        return customers.findById(id).filter(c -> scopes.canAct(c.getHomeUnitId())).map(this::toDetails);
    }

    private CustomerEntity actable(long id) {
        return customers.findById(id).filter(c -> scopes.canAct(c.getHomeUnitId()))
                .orElseThrow(() -> new NotFoundException("customer", id));
    }

    @RolesAllowed({"STAFF", "MANAGER", "ADMIN"})
    @Transactional
    public CustomerDetails update(long id, CustomerForm form) {
        CustomerEntity customer = actable(id);
        if (customer.getVersion() != form.getVersion()) {
            throw new ConcurrentEditException("customer", customer.getExternalCode(), Objects.requireNonNullElse(customer.getUpdatedBy(), "?"));
        }
        Phones.Phone phone = validate(form, customer);
        String before = customer.getName() + "/" + customer.getEmail() + "/" + customer.getPhone() + "/unit " + customer.getHomeUnitId();
        apply(form, phone, customer);
        try {
            customers.saveAndFlush(customer);
            queries.replaceNameWords(customer.getId(), customer.getNameSearch());
        } catch (OptimisticLockingFailureException e) {
            throw new ConcurrentEditException("customer", customer.getExternalCode(), "?");
        }
        auditLog.record("CUSTOMER_UPDATED", "customer", customer.getExternalCode(), before + " → " + customer.getName()
                + "/" + customer.getEmail() + "/" + customer.getPhone() + "/unit " + customer.getHomeUnitId());
        return toDetails(customer);
    }

    /** Whether the user may widen their lists from their own unit to all units. */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    public boolean mayWidenToAllUnits() {
        return scopes.mayWiden() && scopes.visibleUnits().isPresent();
    }

    /** Units the signed-in user may pick (to register a customer, or to filter a list). */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public List<UnitDirectory.UnitRef> selectableUnits() {
        return units.allUnits().stream().filter(u -> scopes.canSee(u.id()))
                .sorted((a, b) -> a.code().compareToIgnoreCase(b.code())).toList();
    }

    /** Units whose records the signed-in user may change (their home units; every unit for an ADMIN); the pickers of forms. */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public List<UnitDirectory.UnitRef> actableUnits() {
        return units.allUnits().stream().filter(u -> scopes.canAct(u.id()))
                .sorted((a, b) -> a.code().compareToIgnoreCase(b.code())).toList();
    }

    private Phones.Phone validate(CustomerForm form, CustomerEntity existing) {
        List<FieldError> errors = new ArrayList<>();
        if (!StringUtils.hasText(form.getExternalCode()) || !form.getExternalCode().matches("[A-Za-z0-9._/-]{1,40}")) {
            errors.add(new FieldError("externalCode", "customer.code.invalid"));
        } else if ((existing == null || !existing.getExternalCode().equals(form.getExternalCode()))
                && customers.existsByExternalCode(form.getExternalCode())) {
            errors.add(new FieldError("externalCode", "customer.code.taken"));
        }
        if (!StringUtils.hasText(form.getName())) {
            errors.add(new FieldError("name", "validation.required"));
        }
        if (form.getEmail() != null) {
            String email = form.getEmail().toLowerCase(Locale.ROOT);
            if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                errors.add(new FieldError("email", "customer.email.invalid"));
            } else if ((existing == null || !email.equalsIgnoreCase(Objects.requireNonNullElse(existing.getEmail(), "")))
                    && customers.existsByEmail(email)) {
                errors.add(new FieldError("email", "customer.email.taken"));
            }
        }
        Phones.Phone phone = null;
        if (form.getPhone() != null) {
            phone = Phones.parse(form.getPhone(), phoneRegion()).orElse(null);
            if (phone == null) {
                errors.add(new FieldError("phone", "customer.phone.invalid"));
            }
        }
        if (form.getBirthDate() != null && form.getBirthDate().isAfter(LocalDate.now(clock))) {
            errors.add(new FieldError("birthDate", "customer.birth-date.future"));
        }
        if (form.getHomeUnitId() == null || units.find(form.getHomeUnitId()).isEmpty() || !scopes.canAct(form.getHomeUnitId())) {
            errors.add(new FieldError("homeUnitId", "customer.unit.required"));
        }
        if (form.getAcquisitionChannel() == null) {
            errors.add(new FieldError("acquisitionChannel", "validation.required"));
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        return phone;
    }

    private void apply(CustomerForm form, Phones.Phone phone, CustomerEntity customer) {
        customer.setExternalCode(form.getExternalCode());
        customer.setName(form.getName());
        customer.setEmail(form.getEmail() == null ? null : form.getEmail().toLowerCase(Locale.ROOT));
        customer.setPhone(phone);
        customer.setBirthDate(form.getBirthDate());
        customer.setHomeUnitId(form.getHomeUnitId());
        customer.setAcquisitionChannel(form.getAcquisitionChannel());
        customer.setSurveyConsent(form.isSurveyConsent());
        customer.setUpdatedBy(signedIn.actorName());
    }



    private String phoneRegion() {
        return settings.get(DEFAULT_PHONE_REGION, "ES");
    }

    private CustomerDetails toDetails(CustomerEntity c) {
        String unitName = units.find(c.getHomeUnitId()).map(UnitDirectory.UnitRef::name).orElse("");
        return new CustomerDetails(c.getId(), c.getExternalCode(), c.getName(), c.getEmail(), c.getPhone(), c.getBirthDate(),
                c.getHomeUnitId(), unitName, c.getAcquisitionChannel(), c.isSurveyConsent(), c.getCreatedAt(), c.getUpdatedBy(),
                c.getVersion());
    }
}
