package io.escalera.exchange.rest;

import io.escalera.interaction.Direction;
import io.escalera.interaction.InteractionChannel;
import io.escalera.interaction.InteractionFilter;
import io.escalera.interaction.InteractionForm;
import io.escalera.interaction.InteractionRow;
import io.escalera.interaction.InteractionService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;

@RestController
@RequestMapping("/api/v1/interactions")
@Tag(name = "Interactions")
class InteractionsApi {

    private final InteractionService interactions;

    InteractionsApi(InteractionService interactions) {
        this.interactions = interactions;
    }

    @GetMapping
    @Operation(summary = "Interactions of the token's units, newest first (MANAGER, EXECUTIVE and ADMIN tokens)")
    ApiPage<InteractionRow> list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(required = false) Long unitId, @RequestParam(required = false) InteractionChannel channel,
                                 @RequestParam(required = false) Long reasonId, @RequestParam(required = false) Direction direction,
                                 @RequestParam(required = false) Boolean resolvedFirstContact,
                                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        InteractionFilter filter = new InteractionFilter(from, to, unitId, channel, reasonId, direction, resolvedFirstContact, null);
        return ApiPage.of(page, size, (offset, limit) -> interactions.list(filter, offset, limit));
    }

    @GetMapping("/{id}")
    InteractionRow get(@PathVariable long id) {
        return interactions.get(id);
    }

    @PostMapping
    @Operation(summary = "Logs a contact with a customer (STAFF and MANAGER tokens)")
    ResponseEntity<InteractionRow> log(@Valid @RequestBody InteractionForm form) {
        InteractionRow logged = interactions.log(form);
        return ResponseEntity.created(URI.create("/api/v1/interactions/" + logged.id())).body(logged);
    }
}
