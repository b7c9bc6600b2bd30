package io.escalera.support;

import io.escalera.customer.AcquisitionChannel;
import io.escalera.customer.CustomerDetails;
import io.escalera.customer.CustomerForm;
import io.escalera.customer.CustomerService;
import io.escalera.customer.OrderForm;
import io.escalera.customer.OrderRow;
import io.escalera.customer.OrderService;
import io.escalera.customer.SalesChannel;
import io.escalera.security.SystemUser;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Creates real customers and orders in the test database (as the system user). */
@Component
public class TestCustomers {

    private final CustomerService customers;
    private final OrderService orders;

    public TestCustomers(CustomerService customers, OrderService orders) {
        this.customers = customers;
        this.orders = orders;
    }

    public CustomerDetails newCustomer(long unitId) {
        return newCustomer(unitId, "Test Customer " + UUID.randomUUID().toString().substring(0, 6), null, null);
    }

    public CustomerDetails newCustomer(long unitId, String name, String email, String phone) {
        CustomerForm form = new CustomerForm();
        form.setExternalCode("TC-" + UUID.randomUUID().toString().substring(0, 12));
        form.setName(name);
        form.setEmail(email);
        form.setPhone(phone);
        form.setHomeUnitId(unitId);
        form.setAcquisitionChannel(AcquisitionChannel.STORE);
        return SystemUser.call(() -> customers.create(form));
    }

    /** A customer with an e-mail address who agreed to be surveyed. */
    public CustomerDetails newConsentingCustomer(long unitId) {
        CustomerDetails created = newCustomer(unitId, "Survey Person " + UUID.randomUUID().toString().substring(0, 5),
                "survey-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org", null);
        io.escalera.customer.CustomerForm form = io.escalera.customer.CustomerForm.of(created);
        form.setSurveyConsent(true);
        return SystemUser.call(() -> customers.update(created.id(), form));
    }

    public OrderRow newOrder(CustomerDetails customer, LocalDate date, String gross) {
        return SystemUser.call(() -> orders.create(orderForm(customer, date, gross)));
    }

    /** An order with a discount, a cost of goods (or null: unknown) and an amount returned. */
    public OrderRow newOrder(CustomerDetails customer, LocalDate date, String gross, String discount, String cost, String returned) {
        OrderForm form = orderForm(customer, date, gross);
        form.setDiscount(new BigDecimal(discount));
        form.setCostOfGoods(cost == null ? null : new BigDecimal(cost));
        form.setReturnedAmount(new BigDecimal(returned));
        return SystemUser.call(() -> orders.create(form));
    }

    /** An order delivered four days after the promised date. */
    public OrderRow newLateOrder(CustomerDetails customer, LocalDate date, String gross) {
        OrderForm form = orderForm(customer, date, gross);
        form.setPromisedDelivery(date.plusDays(2));
        form.setActualDelivery(date.plusDays(6));
        form.setDeliveredInFull(true);
        return SystemUser.call(() -> orders.create(form));
    }

    private static OrderForm orderForm(CustomerDetails customer, LocalDate date, String gross) {
        OrderForm form = new OrderForm();
        form.setExternalId("TO-" + UUID.randomUUID().toString().substring(0, 12));
        form.setCustomerId(customer.id());
        form.setOrderDate(date);
        form.setChannel(SalesChannel.STORE);
        form.setUnitId(customer.homeUnitId());
        form.setGrossAmount(new BigDecimal(gross));
        return form;
    }
}
