package io.escalera.exchange.internal;

import io.escalera.admin.UnitImport;
import io.escalera.admin.UnitKind;

import java.util.Map;

/** Turns a file's line into a unit row (code, name, kind, region); a bad value rejects the row. */
final class UnitRows {

    private static final Map<String, UnitKind> KINDS = Map.of("tienda", UnitKind.STORE, "shop", UnitKind.STORE,
            "zona", UnitKind.REGION, "web", UnitKind.ONLINE, "tienda online", UnitKind.ONLINE, "call center", UnitKind.CALL_CENTRE,
            "call centre", UnitKind.CALL_CENTRE, "centro de llamadas", UnitKind.CALL_CENTRE, "contact center", UnitKind.CALL_CENTRE);

    private final ImportColumns columns;

    UnitRows(ImportColumns columns) {
        this.columns = columns;
    }

    UnitImport.StagedUnit read(TabularFile.Line line) {
        String code = null;
        String name = null;
        try {
            code = ImportValues.text(columns.cell(line, "code"), 30, "code");
            name = ImportValues.text(columns.cell(line, "name"), 120, "name");
            UnitKind kind = ImportValues.named(columns.cell(line, "unitKind"), UnitKind.values(), KINDS, "import.format.bad-unit-kind");
            String parent = ImportValues.text(columns.cell(line, "parentCode"), 30, "parentCode");
            String missing = code == null ? "code" : name == null ? "name" : kind == null ? "unitKind" : null;
            if (missing != null) {
                return rejected(line, code, name, "import.format.missing", missing);
            }
            // the same rule as the units screen
            if (!code.matches("[A-Za-z0-9_-]{1,30}")) {
                return rejected(line, code, name, "import.format.bad-code", code);
            }
            return new UnitImport.StagedUnit(line.number(), code, name, kind, parent, null, null);
        } catch (ImportValues.BadValue e) {
            return rejected(line, code, name, e.reasonKey, e.value);
        }
    }

    private static UnitImport.StagedUnit rejected(TabularFile.Line line, String code, String name, String reason, String detail) {
        return new UnitImport.StagedUnit(line.number(), code, name, null, null, reason, ImportValues.detail(detail));
    }
}
