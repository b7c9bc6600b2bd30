package io.escalera.shared.imports;

import java.util.List;

/**
 * What an import of one kind of record offers the file import: stage rows, check them (the dry run), commit them in
 * one transaction, report the rejected ones, and forget the staged rows.
 *
 * @param <R> a row of the file as read
 */
public interface BulkImport<R> {

    void stage(long importId, List<R> rows);

    ImportSummary check(long importId);

    ImportSummary commit(long importId);

    List<ImportReject> rejects(long importId, long offset, int limit);

    /** After a commit: forgets the staged rows that were written; the rejected ones stay for the report. */
    void forgetAccepted(long importId);

    /** Forgets all of an import's staged rows. */
    void discard(long importId);
}
