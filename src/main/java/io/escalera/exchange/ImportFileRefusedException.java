package io.escalera.exchange;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An uploaded file that is not imported because it passes one of the import limits (size, rows, line or value length,
 * an unclosed quote, a workbook that unpacks too large or too tightly). Carries a message key and its arguments, e.g.
 * the line, so that the page can say exactly what to fix.
 */
public class ImportFileRefusedException extends RuntimeException {

    private static final String SEPARATOR = "|";

    private final String messageKey;
    private final List<Object> args;

    public ImportFileRefusedException(String messageKey, Object... args) {
        super(messageKey + " " + Arrays.toString(args));
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.toArray();
    }

    /** The key and its arguments in one text, as a failed job keeps its cause: {@code key|arg|arg}. */
    public String stored() {
        return Stream.concat(Stream.of(messageKey), args.stream().map(String::valueOf)).collect(Collectors.joining(SEPARATOR));
    }

    /** The key and arguments of a {@link #stored()} text: the key first. */
    public static List<String> parseStored(String stored) {
        return List.of(stored.split("\\" + SEPARATOR, -1));
    }
}
