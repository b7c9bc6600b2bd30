package io.escalera.exchange.internal;

import io.escalera.customer.AcquisitionChannel;
import io.escalera.customer.CustomerImport;

import java.time.LocalDate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Turns a file's line into a customer row, by the mapping of fields to column headers; a bad value rejects the row. */
final class CustomerRows {

    private final ImportColumns columns;

    CustomerRows(ImportColumns columns) {
        this.columns = columns;
    }

    CustomerImport.StagedCustomer read(TabularFile.Line line) {
        String code = null;
        String name = null;
        try {
            code = ImportValues.text(columns.cell(line, "externalCode"), 40, "externalCode");
            name = ImportValues.text(fullName(line), 160, "name");
            String email = ImportValues.text(columns.cell(line, "email"), 200, "email");
            String phone = ImportValues.text(columns.cell(line, "phone"), 30, "phone");
            LocalDate birthDate = ImportValues.date(columns.cell(line, "birthDate"));
            String unitCode = ImportValues.text(columns.cell(line, "unitCode"), 30, "unitCode");
            AcquisitionChannel channel = ImportValues.acquisitionChannel(columns.cell(line, "acquisitionChannel"));
            Boolean consent = ImportValues.yesNo(columns.cell(line, "surveyConsent"));
            LocalDate registeredOn = ImportValues.date(columns.cell(line, "registeredOn"));
            String missing = code == null ? "externalCode" : name == null ? "name" : unitCode == null ? "unitCode" : null;
            if (missing != null) {
                return rejected(line, code, name, "import.format.missing", missing);
            }
            return new CustomerImport.StagedCustomer(line.number(), code, name, email, phone, birthDate, unitCode,
                    channel == null ? AcquisitionChannel.STORE : channel, consent != null && consent, registeredOn, null, null);
        } catch (ImportValues.BadValue e) {
            return rejected(line, code, name, e.reasonKey, e.value);
        }
    }

    /** The name column, else first and last name joined (a file may have either). */
    private String fullName(TabularFile.Line line) {
        String name = columns.cell(line, "name");
        if (name != null && !name.isBlank()) {
            return name;
        }
        String joined = Stream.of(columns.cell(line, "firstName"), columns.cell(line, "lastName"))
                .filter(part -> part != null && !part.isBlank()).map(String::strip).collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }

    private static CustomerImport.StagedCustomer rejected(TabularFile.Line line, String code, String name, String reason, String detail) {
        return new CustomerImport.StagedCustomer(line.number(), code, name, null, null, null, null, null, null, null, reason,
                ImportValues.detail(detail));
    }
}
