package io.escalera.shared.imports;

/** What an import's check (or commit) decided for its rows: created, changed, left as they are, rejected. */
public record ImportSummary(long created, long updated, long unchanged, long rejected) {

    public long total() {
        return created + updated + unchanged + rejected;
    }
}
