package io.escalera.admin;

/** A store, region, online shop or call centre; regions group other units. */
public record Unit(long id, String code, String name, UnitKind kind, Long parentId, String parentName, long version) {
}
