package io.escalera.customer;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.regex.Pattern;

/**
 * An order's product categories are kept as one comma-separated list (what the ladder reads to see a customer buy
 * something new). Shop systems export them separated by {@code |}, {@code ;} or {@code ,}: each is read as a
 * separator, blanks and repeats dropped, the order kept.
 */
public final class OrderCategories {

    private static final Pattern SEPARATOR = Pattern.compile("[|;,]");

    private OrderCategories() {
    }

    /** @return "shoes,bags" for "shoes | bags;shoes", or null when nothing is left */
    public static String normalised(String categories) {
        if (categories == null) {
            return null;
        }
        LinkedHashSet<String> each = new LinkedHashSet<>();
        Arrays.stream(SEPARATOR.split(categories)).map(String::strip).filter(c -> !c.isEmpty()).forEach(each::add);
        return each.isEmpty() ? null : String.join(",", each);
    }
}
