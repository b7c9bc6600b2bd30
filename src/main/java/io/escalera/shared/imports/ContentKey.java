package io.escalera.shared.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The id a record gets from its content when the file has none (contact-centre and survey exports often lack one):
 * the same record in a later file gets the same id, so a re-import matches it instead of adding it twice, and two
 * lines with the same content in one file are the same record. Kept in the record's {@code external_id} column (40
 * characters): {@code "content:"} and 32 hex digits of a SHA-256 over the parts.
 */
public final class ContentKey {

    public static final String PREFIX = "content:";

    private ContentKey() {
    }

    /** @param parts what identifies the record (customer, moment, kind…); null parts count as empty */
    public static String of(Object... parts) {
        String text = Stream.of(parts).map(p -> Objects.toString(p, "")).collect(Collectors.joining("\u001f"));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
