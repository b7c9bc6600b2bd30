package io.escalera.exchange.rest;

import io.escalera.complaint.ComplaintCategory;
import io.escalera.complaint.ComplaintDetails;
import io.escalera.complaint.ComplaintFilter;
import io.escalera.complaint.ComplaintForm;
import io.escalera.complaint.ComplaintQueue;
import io.escalera.complaint.ComplaintRow;
import io.escalera.complaint.ComplaintQueues;
import io.escalera.complaint.ComplaintService;
import io.escalera.complaint.ComplaintStatus;
import io.escalera.complaint.Severity;
import io.escalera.interaction.InteractionChannel;
import io.escalera.shared.FieldErrorsException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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
@RequestMapping("/api/v1/complaints")
@Tag(name = "Complaints")
class ComplaintsApi {

    private final ComplaintService complaints;
    private final ComplaintQueues queues;

    ComplaintsApi(ComplaintService complaints, ComplaintQueues queues) {
        this.complaints = complaints;
        this.queues = queues;
    }

    @GetMapping
    @Operation(summary = "Cases of the token's units, by next due time")
    ApiPage<ComplaintRow> list(@RequestParam(required = false) ComplaintStatus status,
                               @RequestParam(required = false) ComplaintCategory category,
                               @RequestParam(required = false) Severity severity,
                               @RequestParam(required = false) InteractionChannel channel,
                               @RequestParam(required = false) Long unitId,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        ComplaintFilter filter = new ComplaintFilter(ComplaintQueue.UNIT, status, category, severity, channel, unitId, from, to, false);
        return ApiPage.of(page, size, (offset, limit) -> queues.list(filter, offset, limit));
    }

    @GetMapping("/{id}")
    ComplaintDetails get(@PathVariable long id) {
        return complaints.get(id);
    }

    @PostMapping
    @Operation(summary = "Opens a case for a customer (STAFF and MANAGER tokens); SLAs start now")
    ResponseEntity<ComplaintDetails> open(@Valid @RequestBody ComplaintForm form) {
        ComplaintDetails opened = complaints.open(form);
        return ResponseEntity.created(URI.create("/api/v1/complaints/" + opened.id())).body(opened);
    }

    @PostMapping("/{id}/take")
    @Operation(summary = "Takes a case: the token works it from now on (STAFF and MANAGER tokens); 409 on a stale version")
    ComplaintDetails take(@PathVariable long id, @RequestBody VersionOnly body) {
        return complaints.take(id, body.version());
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Moves a case along its status machine (e.g. ASSIGNED → IN_PROGRESS, WAITING_CUSTOMER); 409 for a step the rules do not allow")
    ComplaintDetails move(@PathVariable long id, @RequestBody StatusChange body) {
        if (body.status() == null) {
            throw FieldErrorsException.of("status", "validation.required");
        }
        return complaints.move(id, body.version(), body.status());
    }

    @PostMapping("/{id}/resolution")
    @Operation(summary = "Resolves a case the token has taken; send the version you read: 409 when it changed or may not be resolved")
    ComplaintDetails resolve(@PathVariable long id, @Valid @RequestBody Resolution resolution) {
        return complaints.resolve(id, resolution.version(), resolution.resolution(), resolution.rootCauseId());
    }

    record VersionOnly(long version) {
    }

    record StatusChange(long version, ComplaintStatus status) {
    }

    record Resolution(long version, @NotBlank @Size(max = 4000) String resolution, Long rootCauseId) {
    }
}
