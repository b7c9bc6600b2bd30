package io.escalera.exchange.rest;

import io.escalera.feedback.Feedback;
import io.escalera.feedback.FeedbackForm;
import io.escalera.feedback.FeedbackKind;
import io.escalera.feedback.FeedbackService;
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
@RequestMapping("/api/v1/feedback")
@Tag(name = "Feedback")
class FeedbackApi {

    private final FeedbackService feedback;

    FeedbackApi(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @GetMapping
    @Operation(summary = "Answers of the token's units, newest first; from/to bound the answer date [from, to)")
    ApiPage<Feedback> list(@RequestParam(required = false) Long customerId, @RequestParam(required = false) FeedbackKind kind,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return ApiPage.of(page, size, (offset, limit) -> feedback.list(customerId, kind, from, to, offset, limit));
    }

    @GetMapping("/{id}")
    Feedback get(@PathVariable long id) {
        return feedback.get(id);
    }

    @PostMapping
    @Operation(summary = "Records a customer's answer (source API; STAFF and MANAGER tokens); an unhappy one opens a follow-up")
    ResponseEntity<Feedback> record(@Valid @RequestBody FeedbackForm form) {
        Feedback recorded = feedback.recordFromApi(form);
        return ResponseEntity.created(URI.create("/api/v1/feedback/" + recorded.id())).body(recorded);
    }
}
