package io.escalera.customer;

import io.escalera.security.Role;
import io.escalera.security.UserAccount;
import io.escalera.shared.FieldErrorsException;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@EscaleraTest
@RecordApplicationEvents
class OrderServiceTest {

    @Autowired OrderService orders;
    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;
    @Autowired ApplicationEvents events;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aCustomersOrdersComeNewestFirstAndPlacingOnePublishesAnEvent() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails customer = testCustomers.newCustomer(staff.unitId());
        OrderRow older = testCustomers.newOrder(customer, LocalDate.now().minusDays(30), "40.00");
        OrderRow newer = testCustomers.newOrder(customer, LocalDate.now().minusDays(2), "25.50");
        testUsers.signIn(staff);

        assertThat(orders.ofCustomer(customer.id(), 0, 10)).extracting(OrderRow::id).containsExactly(newer.id(), older.id());
        assertThat(events.stream(CustomerEvents.OrderPlaced.class).filter(e -> e.customerId() == customer.id()))
                .extracting(CustomerEvents.OrderPlaced::netAmount).containsExactly(new BigDecimal("40.00"), new BigDecimal("25.50"));
    }

    @Test
    void negativeAmountsAndADiscountAboveTheGrossAreRefused() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails customer = testCustomers.newCustomer(staff.unitId());
        testUsers.signIn(staff);
        OrderForm form = form(customer);
        form.setGrossAmount(new BigDecimal("10.00"));
        form.setDiscount(new BigDecimal("12.00"));
        form.setReturnedAmount(new BigDecimal("-1"));
        form.setPromisedDelivery(LocalDate.now().minusDays(5));
        form.setOrderDate(LocalDate.now());

        assertThatThrownBy(() -> orders.create(form)).isInstanceOfSatisfying(FieldErrorsException.class,
                e -> assertThat(e.errors()).extracting(FieldErrorsException.FieldError::messageKey).containsExactlyInAnyOrder(
                        "order.discount.above-gross", "order.amount.negative", "order.delivery.before-order"));
    }

    @Test
    void staffRecordOrdersButOnlyManagersCorrectThem() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails customer = testCustomers.newCustomer(staff.unitId());
        testUsers.signIn(staff);
        OrderRow order = orders.create(form(customer));

        assertThatThrownBy(() -> orders.update(order.id(), OrderForm.of(order))).isInstanceOf(AuthorizationDeniedException.class);
        testUsers.signIn(testUsers.newUser(Role.EXECUTIVE));
        assertThatThrownBy(() -> orders.create(form(customer))).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void lateIncompleteAndReturnedFiltersFindExactlyThoseOrders() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails customer = testCustomers.newCustomer(staff.unitId());
        testUsers.signIn(staff);
        LocalDate day = LocalDate.now().minusDays(20);
        OrderForm late = form(customer);
        late.setOrderDate(day);
        late.setPromisedDelivery(day.plusDays(2));
        late.setActualDelivery(day.plusDays(5));
        late.setDeliveredInFull(true);
        OrderRow lateOrder = orders.create(late);
        OrderForm incomplete = form(customer);
        incomplete.setOrderDate(day);
        incomplete.setPromisedDelivery(day.plusDays(2));
        incomplete.setActualDelivery(day.plusDays(1));
        incomplete.setDeliveredInFull(false);
        OrderRow incompleteOrder = orders.create(incomplete);
        OrderForm returned = form(customer);
        returned.setOrderDate(day);
        returned.setReturnedAmount(new BigDecimal("5.00"));
        OrderRow returnedOrder = orders.create(returned);

        OrderFilter base = new OrderFilter(day, day, staff.unitId(), null, false, false, false);
        assertThat(orders.list(base, 0, 50)).hasSize(3);
        assertThat(orders.list(new OrderFilter(day, day, staff.unitId(), null, true, false, false), 0, 50))
                .extracting(OrderRow::id).containsExactly(lateOrder.id());
        assertThat(orders.list(new OrderFilter(day, day, staff.unitId(), null, false, true, false), 0, 50))
                .extracting(OrderRow::id).containsExactly(incompleteOrder.id());
        assertThat(orders.list(new OrderFilter(day, day, staff.unitId(), null, false, false, true), 0, 50))
                .extracting(OrderRow::id).containsExactly(returnedOrder.id());
        assertThat(events.stream(CustomerEvents.OrderDelivered.class).filter(e -> e.orderId() == lateOrder.id()))
                .singleElement().satisfies(e -> assertThat(e.onTime()).isFalse());
    }

    private OrderForm form(CustomerDetails customer) {
        OrderForm form = new OrderForm();
        form.setExternalId("T-" + UUID.randomUUID().toString().substring(0, 10));
        form.setCustomerId(customer.id());
        form.setOrderDate(LocalDate.now());
        form.setChannel(SalesChannel.STORE);
        form.setUnitId(customer.homeUnitId());
        form.setGrossAmount(new BigDecimal("19.99"));
        return form;
    }

}
