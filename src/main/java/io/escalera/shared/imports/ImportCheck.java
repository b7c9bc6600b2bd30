package io.escalera.shared.imports;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;

/**
 * The one statement that decides every staged row's outcome, built from named pieces instead of a text template:
 * the joins that find what a row refers to, what the row keeps of them, the record it would change, the rules in
 * order (the first one a row breaks rejects it, with its reason and detail), and when an existing record is left as
 * it is. Rows rejected while the file was read ({@code import.format.*}) keep their reason. The pieces are SQL written
 * in the code; every value reaches the statement as a parameter bound by {@link ImportRun#bind}.
 */
public final class ImportCheck {

    private final ImportStaging staging;
    private final List<String> joins = new ArrayList<>();
    private final List<String> keeps = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();
    private String existingId;
    private String unchanged;

    private record Rule(String condition, String reasonKey, String detail) {
    }

    private ImportCheck(ImportStaging staging) {
        this.staging = staging;
    }

    /** A check of the staged rows (alias {@code r}) of this staging table. */
    public static ImportCheck of(ImportStaging staging) {
        return new ImportCheck(staging);
    }

    /** Rows whose key appeared on an earlier line of the same file, as {@code alias} with its {@code first_line}. */
    public ImportCheck earlierLines(String keyColumn, String alias) {
        return join(staging.earlierLineJoin(keyColumn, alias));
    }

    public ImportCheck join(String join) {
        joins.add(join);
        return this;
    }

    /** What the staged row keeps of what it refers to, e.g. {@code r.customer_id = c.id}. */
    public ImportCheck keep(String assignment) {
        keeps.add(assignment);
        return this;
    }

    /** The id of the record the row would change (null when the row creates one). */
    public ImportCheck existingRecord(String idColumn) {
        this.existingId = idColumn;
        return this;
    }

    /** The next rule: a row for which {@code condition} holds is rejected with the reason and the detail shown. */
    public ImportCheck rejectWhen(String condition, String reasonKey, String detail) {
        if (!reasonKey.matches("[a-z.-]+")) {
            throw new IllegalArgumentException("A reason is a message key: " + reasonKey);
        }
        rules.add(new Rule(condition, reasonKey, detail));
        return this;
    }

    /** When an existing record already holds what the row says. */
    public ImportCheck unchangedWhen(String condition) {
        this.unchanged = condition;
        return this;
    }

    /** Decides every row of the run's import. @return the outcomes counted */
    public ImportSummary run(JdbcClient jdbc, ImportRun run) {
        run.bind(jdbc.sql(sql())).update();
        return staging.summary(run.importId());
    }

    String sql() {
        if (existingId == null || unchanged == null) {
            throw new IllegalStateException("A check names the existing record and when it is unchanged");
        }
        StringBuilder rejected = new StringBuilder("(FALSE");
        StringBuilder reason = new StringBuilder("CASE");
        StringBuilder detail = new StringBuilder("CASE");
        for (Rule rule : rules) {
            rejected.append(" OR (").append(rule.condition()).append(')');
            reason.append(" WHEN ").append(rule.condition()).append(" THEN '").append(rule.reasonKey()).append('\'');
            detail.append(" WHEN ").append(rule.condition()).append(" THEN LEFT(").append(rule.detail()).append(", 200)");
        }
        rejected.append(')');
        List<String> sets = new ArrayList<>(keeps);
        sets.add("r.existing_id = " + existingId);
        sets.add("r.outcome = CASE WHEN " + rejected + " THEN 'REJECT' WHEN " + existingId + " IS NULL THEN 'CREATE' WHEN "
                + unchanged + " THEN 'UNCHANGED' ELSE 'UPDATE' END");
        sets.add("r.reason = " + reason.append(" END"));
        sets.add("r.detail = " + detail.append(" END"));
        return "UPDATE " + staging.table() + " r\n" + String.join("\n", joins) + "\nSET " + String.join(",\n    ", sets)
                + "\nWHERE r.import_id = :importId AND (r.reason IS NULL OR r.reason NOT LIKE 'import.format.%')";
    }
}
