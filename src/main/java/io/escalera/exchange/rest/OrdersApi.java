package io.escalera.exchange.rest;

import io.escalera.customer.OrderFilter;
import io.escalera.customer.OrderForm;
import io.escalera.customer.OrderRow;
import io.escalera.customer.OrderService;
import io.escalera.customer.SalesChannel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;

@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders")
class OrdersApi {

    private final OrderService orders;

    OrdersApi(OrderService orders) {
        this.orders = orders;
    }

    @GetMapping
    @Operation(summary = "Orders of the token's units, newest first; customerId lists one customer's orders")
    ApiPage<OrderRow> list(@RequestParam(required = false) Long customerId,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @RequestParam(required = false) Long unitId, @RequestParam(required = false) SalesChannel channel,
                           @RequestParam(defaultValue = "false") boolean late, @RequestParam(defaultValue = "false") boolean incomplete,
                           @RequestParam(defaultValue = "false") boolean returned,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (customerId != null) {
            return ApiPage.of(page, size, (offset, limit) -> orders.ofCustomer(customerId, offset, limit));
        }
        OrderFilter filter = new OrderFilter(from, to, unitId, channel, late, incomplete, returned, false);
        return ApiPage.of(page, size, (offset, limit) -> orders.list(filter, offset, limit));
    }

    @GetMapping("/{id}")
    OrderRow get(@PathVariable long id) {
        return orders.get(id);
    }

    @PostMapping
    @Operation(summary = "Records an order; the external id must be new")
    ResponseEntity<OrderRow> create(@Valid @RequestBody OrderForm form) {
        OrderRow created = orders.create(form);
        return ResponseEntity.created(URI.create("/api/v1/orders/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Corrects an order (delivery, returns); MANAGER tokens only; 409 on a stale version")
    OrderRow update(@PathVariable long id, @Valid @RequestBody OrderForm form) {
        return orders.update(id, form);
    }
}
