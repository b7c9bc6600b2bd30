package io.escalera.shared;

/** An entry of a company-wide name list (contact reasons, root causes): renamed and retired, never deleted. */
public interface NamedEntry {

    long id();

    String name();

    /** Retired entries stay on the records that name them but are not offered any more. */
    boolean retired();

    long version();
}
