package io.escalera.customer.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.Optional;

/** Phone numbers in E.164, whatever way they were typed ("612 34 56 78", "+34 (612) 345-678"). */
public final class Phones {

    private static final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    private Phones() {
    }

    /** The number in E.164 form with its search keys, or empty when it is not a valid number. */
    public static Optional<Phone> parse(String typed, String defaultRegion) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = util.parse(typed, defaultRegion);
            if (!util.isPossibleNumber(number)) {
                return Optional.empty();
            }
            String e164 = util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            String digits = e164.substring(1);
            String national = Long.toString(number.getNationalNumber());
            return Optional.of(new Phone(e164, digits, national, new StringBuilder(digits).reverse().toString()));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    public static String digitsOf(String text) {
        return text == null ? "" : text.replaceAll("\\D", "");
    }

    public record Phone(String e164, String digits, String national, String reversed) {
    }
}
