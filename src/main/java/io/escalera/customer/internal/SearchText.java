package io.escalera.customer.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Names as search sees them: lower case, accents removed, single spaces ("José  GARCÍA" → "jose garcia"). */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchText() {
    }

    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
    }

    /**
     * A boolean-mode full-text query requiring every word: the words already typed whole, the last one as a prefix
     * because it may still be being typed ("maria garc" → "+maria +garc*"). Exact words are much cheaper for the
     * full-text index than prefixes of common names.
     */
    public static String fullTextQuery(String text) {
        List<String> words = Arrays.stream(NOT_WORD.split(normalise(text))).filter(word -> word.length() >= 2).toList();
        if (words.isEmpty()) {
            return "";
        }
        return words.subList(0, words.size() - 1).stream().map(word -> "+" + word).collect(Collectors.joining(" ", "", " "))
                + "+" + words.getLast() + "*";
    }

    public static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
