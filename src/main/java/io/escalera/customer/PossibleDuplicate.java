package io.escalera.customer;

/** An existing customer who may be the one being typed in; {@code reason} is a message key. */
public record PossibleDuplicate(long id, String externalCode, String name, String email, String phone, String reason) {
}
