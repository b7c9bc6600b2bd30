package io.escalera.shared;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/** Every row of a paged list, page after page, for exports that read a list by the same query its grid uses. */
public final class Pages {

    private Pages() {
    }

    /** Hands on every row of {@code page(offset, limit)}, {@code size} rows a page, until a page comes back short. */
    public static <T> void forEach(int size, BiFunction<Long, Integer, List<T>> page, Consumer<T> each) {
        for (long offset = 0; ; offset += size) {
            List<T> rows = page.apply(offset, size);
            rows.forEach(each);
            if (rows.size() < size) {
                return;
            }
        }
    }
}
