package io.escalera.exchange.rest;

import io.escalera.customer.AcquisitionChannel;
import io.escalera.customer.CustomerDetails;
import io.escalera.customer.CustomerForm;
import io.escalera.customer.CustomerSearch;
import io.escalera.customer.CustomerService;
import io.escalera.customer.CustomerSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.data.domain.Sort;
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
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers")
class CustomersApi {

    private final CustomerService customers;

    CustomersApi(CustomerService customers) {
        this.customers = customers;
    }

    @GetMapping
    @Operation(summary = "Customers of the token's units, by name; q matches name words, code, e-mail or phone")
    ApiPage<CustomerSummary> list(@RequestParam(required = false) String q, @RequestParam(required = false) Long unitId,
                                  @RequestParam(required = false) AcquisitionChannel channel,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate createdFrom,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate createdTo,
                                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        CustomerSearch search = new CustomerSearch(q, unitId, channel, createdFrom, createdTo, false, null);
        return ApiPage.of(page, size, (offset, limit) -> customers.search(search, Sort.unsorted(), offset, limit));
    }

    @GetMapping("/{id}")
    CustomerDetails get(@PathVariable long id) {
        return customers.get(id);
    }

    @PostMapping
    @Operation(summary = "Registers a customer; the external code must be new")
    ResponseEntity<CustomerDetails> create(@Valid @RequestBody CustomerForm form) {
        CustomerDetails created = customers.create(form);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Changes a customer; send the version you read: 409 when someone changed it meanwhile")
    CustomerDetails update(@PathVariable long id, @Valid @RequestBody CustomerForm form) {
        return customers.update(id, form);
    }
}
