package io.escalera.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What a file can be imported as, and the fields a file's columns are mapped to. */
public enum ImportKind {
    ORDERS(List.of(
            new ImportField("externalId", true, "external id", "order id", "order", "order number", "id pedido", "pedido", "numero pedido"),
            new ImportField("customerCode", true, "customer code", "customer", "customer id", "codigo cliente", "cliente"),
            new ImportField("orderDate", true, "order date", "date", "fecha", "fecha pedido"),
            new ImportField("channel", false, "channel", "sales channel", "canal"),
            new ImportField("unitCode", true, "unit", "unit code", "store", "tienda", "unidad", "codigo unidad"),
            new ImportField("grossAmount", true, "gross amount", "gross", "amount", "importe bruto", "importe", "bruto"),
            new ImportField("discount", false, "discount", "descuento"),
            new ImportField("costOfGoods", false, "cost of goods", "cost", "coste", "coste mercancia"),
            new ImportField("promisedDelivery", false, "promised delivery", "promised", "entrega prometida"),
            new ImportField("actualDelivery", false, "actual delivery", "delivered", "delivery date", "entrega real", "entregado"),
            new ImportField("deliveredInFull", false, "delivered in full", "in full", "completo", "entregado completo"),
            new ImportField("returnedAmount", false, "returned amount", "returned", "returns", "devuelto", "importe devuelto"),
            new ImportField("categories", false, "categories", "category", "categorias", "categoria"))),
    CUSTOMERS(List.of(
            new ImportField("externalCode", true, "customer code", "code", "customer id", "codigo cliente", "codigo", "cliente"),
            // a name in one column, or first and last name in two (ImportKind#missing)
            new ImportField("name", false, "name", "full name", "customer name", "nombre completo", "nombre y apellidos"),
            new ImportField("firstName", false, "first name", "given name", "forename", "nombre", "nombre de pila"),
            new ImportField("lastName", false, "last name", "surname", "family name", "apellidos", "apellido"),
            new ImportField("email", false, "email", "e-mail", "mail", "correo", "correo electronico"),
            new ImportField("phone", false, "phone", "telephone", "mobile", "telefono", "movil"),
            new ImportField("birthDate", false, "birth date", "birthday", "date of birth", "fecha nacimiento", "fecha de nacimiento"),
            new ImportField("unitCode", true, "unit", "unit code", "home unit", "store", "tienda", "unidad"),
            new ImportField("acquisitionChannel", false, "acquisition channel", "channel", "source", "canal", "canal de captacion"),
            new ImportField("surveyConsent", false, "survey consent", "consent", "consentimiento", "acepta encuestas"),
            new ImportField("registeredOn", false, "customer since", "registration date", "registered", "registered on", "signup date",
                    "sign up date", "created", "cliente desde", "fecha alta", "alta", "fecha de alta", "fecha registro"))),
    INTERACTIONS(List.of(
            new ImportField("interactionId", false, "interaction id", "contact id", "id", "ticket", "id contacto", "id interaccion"),
            new ImportField("customerCode", true, "customer code", "customer", "customer id", "codigo cliente", "cliente"),
            new ImportField("occurredAt", true, "occurred at", "date", "time", "date time", "when", "fecha", "fecha hora", "cuando"),
            new ImportField("contactChannel", true, "channel", "contact channel", "canal", "canal de contacto"),
            new ImportField("direction", false, "direction", "in out", "inbound outbound", "direccion", "sentido"),
            new ImportField("reason", true, "reason", "contact reason", "topic", "motivo", "tema"),
            new ImportField("summary", true, "summary", "notes", "description", "resumen", "notas", "descripcion"),
            new ImportField("minutes", false, "minutes", "duration", "handling time", "minutos", "duracion"),
            new ImportField("resolvedFirstContact", false, "resolved first contact", "first contact resolution", "fcr",
                    "resuelto primer contacto", "resuelto"),
            new ImportField("unitCode", false, "unit", "unit code", "store", "tienda", "unidad", "codigo unidad"),
            new ImportField("handledBy", false, "handled by", "agent", "employee", "atendido por", "agente", "empleado"))),
    FEEDBACK(List.of(
            new ImportField("answerId", false, "answer id", "response id", "survey response id", "id", "id respuesta"),
            new ImportField("customerCode", false, "customer code", "customer", "customer id", "codigo cliente", "cliente"),
            new ImportField("answeredAt", true, "answered at", "date", "response date", "fecha", "fecha respuesta"),
            new ImportField("kind", true, "kind", "survey", "type", "metric", "tipo", "encuesta", "metrica"),
            new ImportField("score", true, "score", "rating", "answer", "puntuacion", "nota", "valoracion"),
            new ImportField("comment", false, "comment", "verbatim", "text", "comentario", "texto"),
            new ImportField("unitCode", false, "unit", "unit code", "store", "tienda", "unidad", "codigo unidad"),
            new ImportField("orderId", false, "order id", "order", "id pedido", "pedido"))),
    REFERRALS(List.of(
            new ImportField("referredCode", true, "referred customer", "referred", "referred code", "new customer", "cliente referido",
                    "referido", "codigo referido"),
            new ImportField("referrerCode", true, "referrer", "referred by", "referrer code", "sponsor", "cliente que recomienda",
                    "recomendado por", "padrino", "codigo padrino"),
            new ImportField("referredOn", true, "date", "referred on", "referral date", "fecha", "fecha referido",
                    "fecha recomendacion"))),
    /** Only an ADMIN imports units (the company's structure). */
    UNITS(List.of(
            new ImportField("code", true, "code", "unit code", "store code", "codigo", "codigo unidad", "codigo tienda"),
            new ImportField("name", true, "name", "unit name", "store name", "nombre", "nombre unidad", "nombre tienda"),
            new ImportField("unitKind", true, "kind", "type", "unit type", "tipo", "tipo de unidad"),
            new ImportField("parentCode", false, "region", "parent", "parent code", "region code", "zona", "codigo region", "padre")));

    /** Whether a user of this role may import this kind. */
    public boolean allowedFor(String role) {
        return this != UNITS || "ADMIN".equals(role);
    }

    private final List<ImportField> fields;

    ImportKind(List<ImportField> fields) {
        this.fields = fields;
    }

    public List<ImportField> fields() {
        return fields;
    }

    /**
     * The fields a mapping lacks (field keys mapped to a column): every required one, and for customers a name — one
     * column, or first and/or last name.
     */
    public List<String> missing(Set<String> mapped) {
        List<String> missing = new ArrayList<>(fields.stream().filter(f -> f.required() && !mapped.contains(f.key()))
                .map(ImportField::key).toList());
        if (this == CUSTOMERS && !mapped.contains("name") && !mapped.contains("firstName") && !mapped.contains("lastName")) {
            missing.add("name");
        }
        return missing;
    }

    /** The field that identifies a row (shown with a rejected line), and the one it refers to or is named by. */
    public String keyField() {
        return fields.get(0).key();
    }

    public String referenceField() {
        return fields.get(1).key();
    }

    /** A field of the import and the column headers it is recognised by (besides its own name), in English and Spanish. */
    public record ImportField(String key, boolean required, String... synonyms) {
    }
}
