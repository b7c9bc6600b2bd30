package io.escalera.shared;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import org.springframework.util.StringUtils;

import java.util.function.Predicate;

/**
 * What the entities of the company-wide name lists share (a name, retired or not, a version for concurrent edits) and
 * the rules of a name: trimmed, not blank, not too long, not taken. The subclass keeps its id and table.
 */
@MappedSuperclass
public abstract class RetirableName {

    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private boolean retired;
    @Version
    private long version;

    protected RetirableName() {
    }

    /** @param name a name {@link #checkedName checked} by the service */
    protected RetirableName(String name) {
        this.name = name;
    }

    public abstract Long getId();

    public String getName() {
        return name;
    }

    public boolean isRetired() {
        return retired;
    }

    public long getVersion() {
        return version;
    }

    /** @param newName a name {@link #checkedName checked} by the service */
    public void rename(String newName) {
        this.name = newName;
    }

    public void retire() {
        this.retired = true;
    }

    public void restore() {
        this.retired = false;
    }

    /** @throws ConcurrentEditException when someone saved the entry since the user read it */
    public void requireVersion(long seen, String what) {
        if (version != seen) {
            throw new ConcurrentEditException(what, getId(), "?");
        }
    }

    /**
     * The trimmed name, or a field error on {@code name}: {@code <keyPrefix>.name.invalid} when blank or longer than
     * {@code maxLength}, {@code <keyPrefix>.name.taken} when {@code taken} says so (compared without case).
     */
    public static String checkedName(String name, int maxLength, String keyPrefix, Predicate<String> taken) {
        String trimmed = name == null ? "" : name.trim();
        if (!StringUtils.hasText(trimmed) || trimmed.length() > maxLength) {
            throw FieldErrorsException.of("name", keyPrefix + ".name.invalid");
        }
        if (taken.test(trimmed)) {
            throw FieldErrorsException.of("name", keyPrefix + ".name.taken");
        }
        return trimmed;
    }
}
