package io.escalera.exchange.rest;

import java.util.List;
import java.util.function.BiFunction;

/**
 * One page of a list: its items, where it is, and whether another page follows. No total count: counting a million
 * rows at every page would cost more than the page itself.
 */
public record ApiPage<T>(List<T> items, int page, int size, boolean hasMore) {

    public static final int MAX_SIZE = 200;

    /** Reads one row more than the page holds to know whether another page follows. */
    static <T> ApiPage<T> of(int page, int size, BiFunction<Long, Integer, List<T>> rows) {
        if (page < 0) {
            throw new BadParameterException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new BadParameterException("size", "must be between 1 and " + MAX_SIZE);
        }
        List<T> read = rows.apply((long) page * size, size + 1);
        boolean more = read.size() > size;
        return new ApiPage<>(more ? read.subList(0, size) : read, page, size, more);
    }

    /** A query parameter out of its range: answered as 400 with the parameter's name. */
    static final class BadParameterException extends RuntimeException {
        private final String parameter;

        BadParameterException(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }

        String parameter() {
            return parameter;
        }
    }
}
