package io.escalera.shared.imports;

/** The SQL side of one kind of staged import (a module's {@code *ImportStore}), as {@link StagedImport} drives it. */
public interface StagedRecords {

    /** The staging table's shared statements (summary, rejects, forgetting rows). */
    ImportStaging staging();

    /** Decides every staged row's outcome against the database as it is now (the dry run); writes no record. */
    ImportSummary check(ImportRun run);

    /** Writes the rows the check in the same transaction found to create or change. */
    void apply(ImportRun run);
}
