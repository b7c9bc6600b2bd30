package io.escalera.customer;

import io.escalera.admin.UnitService;
import io.escalera.customer.internal.OrderEntity;
import io.escalera.customer.internal.OrderQueries;
import io.escalera.customer.internal.OrderRepository;
import io.escalera.customer.internal.UnitFilter;
import io.escalera.security.SignedInUsers;
import io.escalera.security.UnitScopes;
import io.escalera.shared.AuditLog;
import io.escalera.shared.ConcurrentEditException;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.FieldErrorsException.FieldError;
import io.escalera.shared.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/** Orders: STAFF record them, MANAGER may also correct them; lists are scoped by unit like customers. */
@Service
public class OrderService {

    private final OrderRepository orders;
    private final OrderQueries queries;
    private final UnitFilter unitFilter;
    private final CustomerService customerService;
    private final UnitService units;
    private final SignedInUsers signedIn;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final UnitScopes scopes;

    OrderService(OrderRepository orders, OrderQueries queries, UnitFilter unitFilter, CustomerService customerService,
                 UnitService units, SignedInUsers signedIn, AuditLog auditLog,
                 ApplicationEventPublisher events, Clock clock, UnitScopes scopes) {
        this.scopes = scopes;
        this.orders = orders;
        this.queries = queries;
        this.unitFilter = unitFilter;
        this.customerService = customerService;
        this.units = units;
        this.signedIn = signedIn;
        this.auditLog = auditLog;
        this.events = events;
        this.clock = clock;
    }

    /** The customer's orders, newest first (the customer must be visible to the user). */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public List<OrderRow> ofCustomer(long customerId, long offset, int limit) {
        customerService.get(customerId);
        return queries.ofCustomer(customerId, offset, limit, unitFilter.unitNames());
    }

    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public List<OrderRow> list(OrderFilter filter, long offset, int limit) {
        return queries.list(filter, unitFilter.visibleUnits(filter.unitId(), filter.allUnits()), offset, limit, unitFilter.unitNames());
    }

    /** Every order of the list (same filter, same units, same order), one at a time, for an export. */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public void forEach(OrderFilter filter, Consumer<OrderRow> sink) {
        queries.forEach(filter, unitFilter.visibleUnits(filter.unitId(), filter.allUnits()), unitFilter.unitNames(), sink);
    }

    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public OrderRow get(long id) {
        OrderRow order = queries.byId(id, unitFilter.unitNames()).orElseThrow(() -> new NotFoundException("order", id));
        if (customerService.find(order.customerId()).isEmpty()) {
            throw new NotFoundException("order", id);
        }
        return order;
    }

    /** Whether the order exists, is visible to the user and is the customer's (an id from a request body is checked so). */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public boolean belongsTo(long orderId, long customerId) {
        return queries.byId(orderId, Map.of()).filter(o -> o.customerId() == customerId)
                .filter(o -> customerService.find(customerId).isPresent()).isPresent();
    }

    @RolesAllowed({"STAFF", "MANAGER", "ADMIN"})
    @Transactional
    public OrderRow create(OrderForm form) {
        validate(form, null);
        OrderEntity order = new OrderEntity();
        apply(form, order);
        order.setCreatedAt(clock.instant());
        OrderEntity saved = orders.saveAndFlush(order);
        auditLog.record("ORDER_CREATED", "order", saved.getExternalId(), "customer " + saved.getCustomerId());
        events.publishEvent(new CustomerEvents.OrderPlaced(saved.getId(), saved.getCustomerId(), saved.getOrderDate(),
                saved.getChannel(), saved.getUnitId(), saved.getGrossAmount().subtract(saved.getDiscount())));
        publishDeliveryAndReturn(null, saved);
        return get(saved.getId());
    }

    @RolesAllowed({"MANAGER", "ADMIN"})
    @Transactional
    public OrderRow update(long id, OrderForm form) {
        OrderRow current = get(id);
        if (customerService.findForAction(current.customerId()).isEmpty() || !scopes.canAct(current.unitId())) {
            throw new NotFoundException("order", id);
        }
        OrderEntity order = orders.findById(id).orElseThrow(() -> new NotFoundException("order", id));
        if (order.getVersion() != form.getVersion()) {
            throw new ConcurrentEditException("order", order.getExternalId(), Objects.requireNonNullElse(order.getUpdatedBy(), "?"));
        }
        validate(form, order);
        apply(form, order);
        try {
            orders.saveAndFlush(order);
        } catch (OptimisticLockingFailureException e) {
            throw new ConcurrentEditException("order", order.getExternalId(), "?");
        }
        auditLog.record("ORDER_UPDATED", "order", order.getExternalId(), null);
        publishDeliveryAndReturn(current, order);
        return get(id);
    }

    private void publishDeliveryAndReturn(OrderRow before, OrderEntity after) {
        if (after.getActualDelivery() != null && (before == null || before.actualDelivery() == null)) {
            boolean onTime = after.getPromisedDelivery() == null || !after.getActualDelivery().isAfter(after.getPromisedDelivery());
            events.publishEvent(new CustomerEvents.OrderDelivered(after.getId(), after.getCustomerId(), after.getActualDelivery(),
                    onTime, !Boolean.FALSE.equals(after.getDeliveredInFull())));
        }
        BigDecimal returnedBefore = before == null ? BigDecimal.ZERO : before.returnedAmount();
        if (after.getReturnedAmount().compareTo(returnedBefore) > 0) {
            events.publishEvent(new CustomerEvents.OrderReturned(after.getId(), after.getCustomerId(), after.getReturnedAmount()));
        }
    }

    private void validate(OrderForm form, OrderEntity existing) {
        List<FieldError> errors = new ArrayList<>();
        if (!StringUtils.hasText(form.getExternalId())) {
            errors.add(new FieldError("externalId", "validation.required"));
        } else if ((existing == null || !existing.getExternalId().equals(form.getExternalId()))
                && orders.existsByExternalId(form.getExternalId())) {
            errors.add(new FieldError("externalId", "order.external-id.taken"));
        }
        if (form.getCustomerId() == null || customerService.findForAction(form.getCustomerId()).isEmpty()) {
            errors.add(new FieldError("customerId", "order.customer.required"));
        }
        if (form.getOrderDate() == null) {
            errors.add(new FieldError("orderDate", "validation.required"));
        } else if (form.getOrderDate().isAfter(LocalDate.now(clock))) {
            errors.add(new FieldError("orderDate", "order.date.future"));
        }
        if (form.getUnitId() == null || units.find(form.getUnitId()).isEmpty() || !scopes.canAct(form.getUnitId())) {
            errors.add(new FieldError("unitId", "validation.required"));
        }
        if (form.getChannel() == null) {
            errors.add(new FieldError("channel", "validation.required"));
        }
        if (form.getGrossAmount() == null || form.getGrossAmount().signum() < 0) {
            errors.add(new FieldError("grossAmount", "order.amount.negative"));
        }
        BigDecimal gross = Objects.requireNonNullElse(form.getGrossAmount(), BigDecimal.ZERO);
        if (form.getDiscount() == null || form.getDiscount().signum() < 0) {
            errors.add(new FieldError("discount", "order.amount.negative"));
        } else if (form.getDiscount().compareTo(gross) > 0) {
            errors.add(new FieldError("discount", "order.discount.above-gross"));
        }
        if (form.getCostOfGoods() != null && form.getCostOfGoods().signum() < 0) {
            errors.add(new FieldError("costOfGoods", "order.amount.negative"));
        }
        if (form.getReturnedAmount() == null || form.getReturnedAmount().signum() < 0) {
            errors.add(new FieldError("returnedAmount", "order.amount.negative"));
        } else if (form.getReturnedAmount().compareTo(gross) > 0) {
            errors.add(new FieldError("returnedAmount", "order.returned.above-gross"));
        }
        if (form.getPromisedDelivery() != null && form.getOrderDate() != null && form.getPromisedDelivery().isBefore(form.getOrderDate())) {
            errors.add(new FieldError("promisedDelivery", "order.delivery.before-order"));
        }
        if (form.getActualDelivery() != null && form.getOrderDate() != null && form.getActualDelivery().isBefore(form.getOrderDate())) {
            errors.add(new FieldError("actualDelivery", "order.delivery.before-order"));
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
    }

    private void apply(OrderForm form, OrderEntity order) {
        order.setExternalId(form.getExternalId());
        order.setCustomerId(form.getCustomerId());
        order.setOrderDate(form.getOrderDate());
        order.setChannel(form.getChannel());
        order.setUnitId(form.getUnitId());
        order.setGrossAmount(form.getGrossAmount());
        order.setDiscount(form.getDiscount());
        order.setCostOfGoods(form.getCostOfGoods());
        order.setPromisedDelivery(form.getPromisedDelivery());
        order.setActualDelivery(form.getActualDelivery());
        order.setDeliveredInFull(form.getDeliveredInFull());
        order.setReturnedAmount(form.getReturnedAmount());
        order.setCategories(form.getCategories());
        order.setUpdatedBy(signedIn.actorName());
    }


}
