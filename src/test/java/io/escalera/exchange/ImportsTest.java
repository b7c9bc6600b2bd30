package io.escalera.exchange;

import io.escalera.shared.imports.ImportReject;
import io.escalera.shared.imports.ImportSummary;
import io.escalera.admin.UnitKind;
import io.escalera.customer.CustomerDetails;
import io.escalera.customer.OrderExport;
import io.escalera.customer.OrderFilter;
import io.escalera.customer.OrderImport;
import io.escalera.customer.OrderRow;
import io.escalera.security.Role;
import io.escalera.security.UserAccount;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.TableWriter;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Imports of order files as a manager sends them: messy CSV, re-imports, a failure mid-way, an XLSX round trip. */
@EscaleraTest
class ImportsTest {

    @Autowired Imports imports;
    @Autowired OrderExport exports;
    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;
    @Autowired JdbcClient jdbc;
    @Autowired java.time.Clock clock;
    @Autowired io.escalera.exchange.internal.ImportRunner runner;
    @Autowired io.escalera.interaction.InteractionService interactionService;

    @AfterEach
    void signOutOnceTheFactsCaughtUp() throws InterruptedException {
        // an import sets the ladder, value and KPI modules recomputing: let them finish before the next test runs
        for (String module : List.of("io.escalera.loyalty", "io.escalera.value", "io.escalera.kpi")) {
            io.escalera.support.AfterCommitListeners.await(jdbc, module);
        }
        SecurityContextHolder.clearContext();
    }

    /** A manager of a store with two customers, and a store the manager does not run. */
    record Shop(UserAccount manager, String unitCode, String otherUnitCode, CustomerDetails ana, CustomerDetails ben) {
    }

    private Shop shop() {
        long unit = testUsers.newUnit(UnitKind.STORE);
        long other = testUsers.newUnit(UnitKind.STORE);
        Shop shop = new Shop(testUsers.newUserIn(Role.MANAGER, unit), testUsers.unitCode(unit), testUsers.unitCode(other),
                testCustomers.newCustomer(unit), testCustomers.newCustomer(unit));
        testUsers.signIn(shop.manager());
        return shop;
    }

    private ImportJob run(String fileName, byte[] content) throws InterruptedException {
        return run(ImportKind.ORDERS, fileName, content);
    }

    private ImportJob run(ImportKind kind, String fileName, byte[] content) throws InterruptedException {
        ImportJob job = imports.upload(kind, fileName, new ByteArrayInputStream(content));
        imports.check(job.id(), imports.layout(job.id()).mapping());
        return await(job.id(), ImportJob.Status.CHECKED);
    }

    private ImportJob await(long jobId, ImportJob.Status expected) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            ImportJob job = imports.job(jobId);
            if (!job.status().running()) {
                assertThat(job.status()).as(job.error()).isEqualTo(expected);
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import " + jobId + " did not finish");
    }

    private static String id() {
        return "IMP-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aMessyCsvIsReadAndEachBadRowIsReportedWithItsLineAndReason() throws Exception {
        Shop shop = shop();
        String o1 = id(), o2 = id();
        String future = LocalDate.now().plusDays(3).toString();
        // Windows-1252 (é), semicolons, day-first dates, decimal commas, a quoted field holding the delimiter
        String csv = String.join("\r\n",
                "Pedido;Cliente;Fecha;Canal;Tienda;Importe;Descuento;Devuelto;Categoría",
                o1 + ";" + shop.ana().externalCode() + ";05/03/2026;tienda;" + shop.unitCode() + ";120,50;0,50;;Cafés | Té|",
                o2 + ";" + shop.ben().externalCode() + ";2026-03-06;WEB;" + shop.unitCode() + ";1.080,00;0;0;\"Ropa; calzado\"",
                id() + ";" + shop.ana().externalCode() + ";31/02/2026;tienda;" + shop.unitCode() + ";10;0;0;",
                id() + ";NOPE-1;05/03/2026;tienda;" + shop.unitCode() + ";10;0;0;",
                id() + ";" + shop.ana().externalCode() + ";05/03/2026;tienda;" + shop.unitCode() + ";-10,00;0;0;",
                o1 + ";" + shop.ben().externalCode() + ";05/03/2026;tienda;" + shop.unitCode() + ";10;0;0;",
                id() + ";" + shop.ana().externalCode() + ";05/03/2026;tienda;" + shop.otherUnitCode() + ";10;0;0;",
                id() + ";" + shop.ana().externalCode() + ";05/03/2026;tienda;" + shop.unitCode() + ";;0;0;",
                id() + ";" + shop.ana().externalCode() + ";" + future + ";tienda;" + shop.unitCode() + ";10;0;0;",
                id() + ";" + shop.ana().externalCode() + ";05/03/2026;paloma;" + shop.unitCode() + ";10;0;0;",
                "");

        ImportJob checked = run("pedidos.csv", csv.getBytes(Charset.forName("windows-1252")));

        assertThat(checked.created()).isEqualTo(2);
        assertThat(checked.rejected()).isEqualTo(8);
        assertThat(checked.rowsRead()).isEqualTo(10);
        assertThat(imports.rejects(checked.id(), 0, 100)).extracting(ImportReject::line, ImportReject::reasonKey)
                .containsExactly(
                        tuple(4, "import.format.bad-date"),
                        tuple(5, "import.reject.unknown-customer"),
                        tuple(6, "import.reject.negative-amount"),
                        tuple(7, "import.reject.duplicate-in-file"),
                        tuple(8, "import.reject.unit-out-of-scope"),
                        tuple(9, "import.format.missing"),
                        tuple(10, "import.reject.future-date"),
                        tuple(11, "import.format.bad-channel"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE external_id IN (?, ?)").params(o1, o2).query(Long.class).single())
                .as("a dry run writes no order").isZero();

        imports.commit(checked.id());
        ImportJob done = await(checked.id(), ImportJob.Status.DONE);
        assertThat(done.created()).isEqualTo(2);
        OrderRow first = orderByExternalId(o1);
        assertThat(first.grossAmount()).isEqualByComparingTo("120.50");
        assertThat(first.discount()).isEqualByComparingTo("0.50");
        assertThat(first.orderDate()).isEqualTo(LocalDate.of(2026, 3, 5));
        // categories as shop systems export them: "|" and ";" separate as "," does
        assertThat(first.categories()).isEqualTo("Cafés,Té");
        assertThat(first.customerId()).isEqualTo(shop.ana().id());
        OrderRow second = orderByExternalId(o2);
        assertThat(second.grossAmount()).isEqualByComparingTo("1080.00");
        assertThat(second.categories()).isEqualTo("Ropa,calzado");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'IMPORT_COMMITTED' AND record_id = 'pedidos.csv' AND actor = ?")
                .param(shop.manager().username()).query(Long.class).single()).isEqualTo(1);

        // the ladder caught up with the imported orders (one recompute, not one update per order)
        io.escalera.support.AfterCommitListeners.await(jdbc, "io.escalera.loyalty");
        assertThat(io.escalera.security.SystemUser.call(() -> loyalty.stageOf(shop.ana().id())))
                .hasValue(io.escalera.loyalty.Stage.SHOPPER);

        // the same file again: nothing new, nothing changed; the mapping of this layout is offered again
        ImportJob again = imports.upload(ImportKind.ORDERS, "pedidos.csv", new ByteArrayInputStream(csv.getBytes(Charset.forName("windows-1252"))));
        ImportLayout layout = imports.layout(again.id());
        assertThat(layout.remembered()).isTrue();
        imports.check(again.id(), layout.mapping());
        ImportJob rechecked = await(again.id(), ImportJob.Status.CHECKED);
        assertThat(List.of(rechecked.created(), rechecked.updated(), rechecked.unchanged(), rechecked.rejected())).containsExactly(0L, 0L, 2L, 8L);
        imports.commit(again.id());
        await(again.id(), ImportJob.Status.DONE);
        assertThat(orderByExternalId(o1).version()).isEqualTo(first.version());
    }

    @Test
    void aContactCentresFileOfInteractionsIsCheckedLineByLineThenImportedOnceAndMatchedByItsIds() throws Exception {
        Shop shop = shop();
        String c1 = id(), c2 = id();
        String unit = shop.unitCode();
        String ana = shop.ana().externalCode();
        String future = LocalDate.now().plusDays(2) + " 09:00";
        String header = "Contact id,Customer,Date,Channel,Direction,Reason,Summary,Minutes,FCR,Store,Agent";
        List<String> lines = List.of(
                c1 + "," + ana + ",2026-03-05 10:15,phone,in,Order status,Where is my parcel,7,yes," + unit + ",Lucía",
                c2 + "," + shop.ben().externalCode() + ",05/03/2026 16:40,correo,saliente,Billing,Sent the invoice again,,," + unit + ",",
                id() + "," + ana + ",2026-03-05 25:00,phone,in,Order status,Bad time,1,no," + unit + ",",
                id() + ",NOPE-1,2026-03-05 10:00,phone,in,Order status,Unknown customer,1,no," + unit + ",",
                id() + "," + ana + ",2026-03-05 10:00,phone,in,The weather,Unknown reason,1,no," + unit + ",",
                id() + "," + ana + ",2026-03-05 10:00,phone,in,Order status,Too long,2000,no," + unit + ",",
                c1 + "," + ana + ",2026-03-05 11:00,phone,in,Order status,Same id again,1,no," + unit + ",",
                id() + "," + ana + ",2026-03-05 10:00,phone,in,Order status,Another store,1,no," + shop.otherUnitCode() + ",",
                id() + "," + ana + "," + future + ",phone,in,Order status,Not yet,1,no," + unit + ",",
                id() + "," + ana + ",2026-03-05 10:00,pigeon,in,Order status,Bad channel,1,no," + unit + ",",
                id() + "," + ana + ",2026-03-05 10:00,phone,sideways,Order status,Bad direction,1,no," + unit + ",",
                id() + "," + ana + ",2026-03-05 10:00,phone,in,Order status,,1,no," + unit + ",");
        byte[] file = (header + "\n" + String.join("\n", lines)).getBytes(java.nio.charset.StandardCharsets.UTF_8);

        ImportJob checked = run(ImportKind.INTERACTIONS, "contacts.csv", file);
        assertThat(List.of(checked.created(), checked.updated(), checked.rejected())).containsExactly(2L, 0L, 10L);
        assertThat(imports.rejects(checked.id(), 0, 100)).extracting(ImportReject::line, ImportReject::reasonKey).containsExactly(
                tuple(4, "import.format.bad-date"),
                tuple(5, "import.reject.unknown-customer"),
                tuple(6, "import.reject.unknown-reason"),
                tuple(7, "import.reject.bad-minutes"),
                tuple(8, "import.reject.duplicate-in-file"),
                tuple(9, "import.reject.unit-out-of-scope"),
                tuple(10, "import.reject.future-date"),
                tuple(11, "import.format.bad-contact-channel"),
                tuple(12, "import.format.bad-direction"),
                tuple(13, "import.format.missing"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM interaction WHERE external_id IN (?, ?)").params(c1, c2).query(Long.class).single())
                .as("a dry run writes no contact").isZero();

        imports.commit(checked.id());
        await(checked.id(), ImportJob.Status.DONE);
        Map<String, Object> first = contact(c1);
        assertThat(first).containsEntry("customer_id", shop.ana().id()).containsEntry("channel", "PHONE").containsEntry("direction", "IN")
                .containsEntry("minutes", 7).containsEntry("resolved_first_contact", true).containsEntry("handled_by_name", "Lucía")
                .containsEntry("handled_by", shop.manager().username()).containsEntry("unit_id", shop.manager().unitId())
                .containsEntry("reason", "Order status").containsEntry("version", 0L);
        assertThat(((java.sql.Timestamp) first.get("occurred_at")).toInstant())
                .isEqualTo(java.time.LocalDateTime.of(2026, 3, 5, 10, 15).atZone(clock.getZone()).toInstant());
        assertThat(contact(c2)).containsEntry("channel", "EMAIL").containsEntry("direction", "OUT").containsEntry("minutes", 0)
                .containsEntry("resolved_first_contact", false).containsEntry("handled_by_name", shop.manager().displayName())
                .containsEntry("reason", "Billing");
        long firstId = jdbc.sql("SELECT id FROM interaction WHERE external_id = ?").param(c1).query(Long.class).single();
        assertThat(interactionService.get(firstId).summary()).as("read like a logged contact").isEqualTo("Where is my parcel");
        assertThat(interactionService.costToServe(shop.ana().id())).as("its minutes are part of the cost to serve")
                .isEqualByComparingTo(interactionService.costPerMinute().multiply(java.math.BigDecimal.valueOf(7)));

        // the same file again: nothing changes; one contact edited in the source system: changed in place
        ImportJob again = run(ImportKind.INTERACTIONS, "contacts.csv", file);
        assertThat(List.of(again.created(), again.updated(), again.unchanged())).containsExactly(0L, 0L, 2L);
        imports.commit(again.id());
        await(again.id(), ImportJob.Status.DONE);
        byte[] edited = (header + "\n" + lines.get(0).replace(",7,yes,", ",9,yes,")).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ImportJob changed = run(ImportKind.INTERACTIONS, "contacts-edited.csv", edited);
        assertThat(List.of(changed.created(), changed.updated(), changed.unchanged())).containsExactly(0L, 1L, 0L);
        imports.commit(changed.id());
        await(changed.id(), ImportJob.Status.DONE);
        assertThat(contact(c1)).containsEntry("minutes", 9).containsEntry("version", 1L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM interaction WHERE external_id = ?").param(c1).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void contactsAndAnswersWithoutIdsOrUnitsTakeTheCustomersUnitAndAReImportMatchesThemByContent() throws Exception {
        Shop shop = shop();
        String ana = shop.ana().externalCode();
        String ben = shop.ben().externalCode();
        String contacts = String.join("\n",
                "Customer,Date,Channel,Direction,Reason,Summary",
                ana + ",2026-03-05 10:15,phone,in,Order status,Where is my parcel",
                ben + ",2026-03-05 10:15,phone,in,Order status,Same time other customer",
                ana + ",2026-03-05 10:15,phone,in,Order status,The same call twice");
        ImportJob checked = run(ImportKind.INTERACTIONS, "contacts-no-ids.csv", contacts.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(List.of(checked.created(), checked.rejected())).containsExactly(2L, 1L);
        assertThat(imports.rejects(checked.id(), 0, 10)).singleElement().satisfies(r -> {
            assertThat(r.reasonKey()).isEqualTo("import.reject.duplicate-in-file");
            assertThat(r.key()).as("no made-up id shown").isNull();
        });
        imports.commit(checked.id());
        await(checked.id(), ImportJob.Status.DONE);
        assertThat(jdbc.sql("SELECT unit_id FROM interaction WHERE customer_id = ? AND summary = 'Where is my parcel'")
                .param(shop.ana().id()).query(Long.class).single()).as("the customer's home unit")
                .isEqualTo(jdbc.sql("SELECT home_unit_id FROM customer WHERE id = ?").param(shop.ana().id()).query(Long.class).single());
        ImportJob again = run(ImportKind.INTERACTIONS, "contacts-no-ids.csv",
                contacts.replace("Where is my parcel", "Where is my parcel?").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(List.of(again.created(), again.updated(), again.unchanged())).as("matched by content: the summary changed")
                .containsExactly(0L, 1L, 1L);

        String answers = String.join("\n", "Customer;Date;Survey;Score", ana + ";2026-03-05 12:00;NPS;10", ";2026-03-06;CSAT;4");
        ImportJob answered = run(ImportKind.FEEDBACK, "answers-no-ids.csv", answers.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(List.of(answered.created(), answered.rejected())).as("an anonymous answer needs a unit").containsExactly(1L, 1L);
        imports.commit(answered.id());
        await(answered.id(), ImportJob.Status.DONE);
        ImportJob answeredAgain = run(ImportKind.FEEDBACK, "answers-no-ids.csv",
                answers.replace(";NPS;10", ";NPS;9").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(List.of(answeredAgain.created(), answeredAgain.updated())).containsExactly(0L, 1L);
    }

    @Test
    void surveyAnswersFromAnotherToolAreCheckedThenImportedOnceWithoutOpeningFollowUps() throws Exception {
        Shop shop = shop();
        String a1 = id(), a2 = id();
        String ana = shop.ana().externalCode();
        String anasOrder = testCustomers.newOrder(shop.ana(), LocalDate.of(2026, 3, 1), "40").externalId();
        String future = LocalDate.now().plusDays(2).toString();
        String csv = String.join("\n",
                "Response id;Customer;Date;Survey;Score;Comment;Store;Order",
                a1 + ";" + ana + ";2026-03-05 12:00;NPS;10;Great service;;" + anasOrder,
                a2 + ";;2026-03-06;csat;2;;" + shop.unitCode() + ";",
                id() + ";" + ana + ";2026-03-05;NPS;11;;;",
                id() + ";" + ana + ";2026-03-05;XYZ;5;;;",
                id() + ";NOPE-1;2026-03-05;NPS;5;;;",
                id() + ";;2026-03-05;CES;3;;;",
                a1 + ";" + ana + ";2026-03-05;NPS;9;;;",
                id() + ";" + ana + ";" + future + ";NPS;9;;;",
                id() + ";" + ana + ";2026-03-05;NPS;9;;;NOPE-ORDER",
                id() + ";" + shop.ben().externalCode() + ";2026-03-05;NPS;9;;;" + anasOrder,
                id() + ";" + ana + ";;NPS;9;;;",
                id() + ";" + ana + ";2026-03-05;NPS;9;;" + shop.otherUnitCode() + ";");
        byte[] file = csv.getBytes(java.nio.charset.StandardCharsets.UTF_8);

        ImportJob checked = run(ImportKind.FEEDBACK, "answers.csv", file);
        assertThat(List.of(checked.created(), checked.updated(), checked.rejected())).containsExactly(2L, 0L, 10L);
        assertThat(imports.rejects(checked.id(), 0, 100)).extracting(ImportReject::line, ImportReject::reasonKey).containsExactly(
                tuple(4, "import.reject.score-out-of-range"),
                tuple(5, "import.format.bad-survey-kind"),
                tuple(6, "import.reject.unknown-customer"),
                tuple(7, "import.reject.unit-out-of-scope"),
                tuple(8, "import.reject.duplicate-in-file"),
                tuple(9, "import.reject.future-date"),
                tuple(10, "import.reject.unknown-order"),
                tuple(11, "import.reject.order-of-another-customer"),
                tuple(12, "import.format.missing"),
                tuple(13, "import.reject.unit-out-of-scope"));

        imports.commit(checked.id());
        await(checked.id(), ImportJob.Status.DONE);
        Map<String, Object> promoter = answer(a1);
        assertThat(promoter).containsEntry("customer_id", shop.ana().id()).containsEntry("unit_id", shop.manager().unitId())
                .containsEntry("kind", "NPS").containsEntry("comment", "Great service").containsEntry("source", "IMPORT")
                .containsEntry("touchpoint", "AFTER_PURCHASE").containsEntry("recorded_by_name", shop.manager().displayName());
        assertThat(((Number) promoter.get("score")).intValue()).isEqualTo(10);
        assertThat(((java.sql.Timestamp) promoter.get("answered_at")).toInstant())
                .isEqualTo(java.time.LocalDateTime.of(2026, 3, 5, 12, 0).atZone(clock.getZone()).toInstant());
        assertThat(answer(a2)).containsEntry("customer_id", null).containsEntry("kind", "CSAT").containsEntry("touchpoint", "RELATIONSHIP")
                .containsEntry("unit_id", shop.manager().unitId());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM feedback_follow_up u JOIN feedback f ON f.id = u.feedback_id WHERE f.external_id = ?")
                .param(a2).query(Long.class).single()).as("an imported unhappy answer is history: no follow-up").isZero();

        ImportJob again = run(ImportKind.FEEDBACK, "answers.csv", file);
        assertThat(List.of(again.created(), again.updated(), again.unchanged())).containsExactly(0L, 0L, 2L);
    }

    private Map<String, Object> answer(String externalId) {
        return jdbc.sql("SELECT customer_id, unit_id, answered_at, kind, score, comment, source, touchpoint, recorded_by_name FROM feedback WHERE external_id = ?")
                .param(externalId).query().singleRow();
    }

    @Test
    void anImportLeftRunningByANodeThatStoppedIsMarkedFailedAndCanThenBeDiscarded() throws Exception {
        shop();
        byte[] file = "Pedido;Cliente\n".getBytes();
        ImportJob stuck = imports.upload(ImportKind.ORDERS, "stuck.csv", new ByteArrayInputStream(file));
        ImportJob alive = imports.upload(ImportKind.ORDERS, "alive.csv", new ByteArrayInputStream(file));
        // one node stopped ten minutes ago mid-commit; another is still checking (heartbeat 30 s ago)
        jdbc.sql("UPDATE import_job SET status = 'COMMITTING', heartbeat_at = NOW(3) - INTERVAL 10 MINUTE WHERE id = ?").param(stuck.id()).update();
        jdbc.sql("UPDATE import_job SET status = 'CHECKING', heartbeat_at = NOW(3) - INTERVAL 30 SECOND WHERE id = ?").param(alive.id()).update();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> imports.discard(stuck.id())).as("a running job is not discarded")
                .isInstanceOf(io.escalera.shared.ActionRefusedException.class);

        assertThat(runner.failAbandonedJobs()).isPositive();

        assertThat(imports.job(stuck.id())).satisfies(job -> {
            assertThat(job.status()).isEqualTo(ImportJob.Status.FAILED);
            assertThat(job.error()).isEqualTo("import.failed.abandoned");
        });
        assertThat(imports.job(alive.id()).status()).as("its node is alive").isEqualTo(ImportJob.Status.CHECKING);
        assertThat(imports.discard(stuck.id()).status()).isEqualTo(ImportJob.Status.DISCARDED);
        jdbc.sql("UPDATE import_job SET status = 'FAILED' WHERE id = ?").param(alive.id()).update();
    }

    private Map<String, Object> contact(String externalId) {
        return jdbc.sql("""
                        SELECT i.customer_id, i.occurred_at, i.channel, i.direction, i.minutes, i.resolved_first_contact, i.handled_by,
                               i.handled_by_name, i.unit_id, r.name AS reason, i.version
                        FROM interaction i JOIN interaction_reason r ON r.id = i.reason_id WHERE i.external_id = ?""")
                .param(externalId).query().singleRow();
    }

    @Test
    void aCustomerFileCreatesAndChangesCustomersAndReportsEachBadLine() throws Exception {
        Shop shop = shop();
        String taken = "taken-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        CustomerDetails withMail = testCustomers.newCustomer(testUsers.newUnit(UnitKind.STORE), "Has Mail", taken, null);
        String created = "NEW-" + UUID.randomUUID().toString().substring(0, 6);
        String unit = shop.unitCode();
        String csv = String.join("\n",
                "Código,Nombre,Correo,Teléfono,Fecha de nacimiento,Tienda,Canal",
                created + ",Íñigo Núñez," + created.toLowerCase() + "@example.com,612 34 56 78,1980-05-04," + unit + ",tienda",
                shop.ana().externalCode() + ",Ana Renamed,,+34 699 000 111,," + unit + ",web",
                created + ",Again," + ",,," + unit + ",",
                "NEW-B1,Bad Mail,not-mail,,," + unit + ",",
                "NEW-B2,Bad Phone,,12,," + unit + ",",
                "NEW-B3,No Unit,,,,NOPE,",
                "NEW-B4,Other Unit,,,," + shop.otherUnitCode() + ",",
                "NEW-B5,Mail Taken," + taken + ",,," + unit + ",",
                "NEW-B6,,,,," + unit + ",",
                "NEW-B7,Future,,,2099-01-01," + unit + ",");
        ImportJob job = imports.upload(ImportKind.CUSTOMERS, "clientes.csv", new ByteArrayInputStream(csv.getBytes()));
        imports.check(job.id(), imports.layout(job.id()).mapping());
        ImportJob checked = await(job.id(), ImportJob.Status.CHECKED);

        assertThat(List.of(checked.created(), checked.updated(), checked.rejected())).containsExactly(1L, 1L, 8L);
        assertThat(imports.rejects(checked.id(), 0, 100)).extracting(ImportReject::line, ImportReject::reasonKey).containsExactly(
                tuple(4, "import.reject.duplicate-code-in-file"),
                tuple(5, "import.format.bad-email"),
                tuple(6, "import.format.bad-phone"),
                tuple(7, "import.reject.unknown-unit"),
                tuple(8, "import.reject.unit-out-of-scope"),
                tuple(9, "import.reject.email-of-another-customer"),
                tuple(10, "import.format.missing"),
                tuple(11, "import.reject.birth-in-future"));

        imports.commit(checked.id());
        await(checked.id(), ImportJob.Status.DONE);
        CustomerDetails inigo = io.escalera.security.SystemUser.call(() -> customerService.get(
                jdbc.sql("SELECT id FROM customer WHERE external_code = ?").param(created).query(Long.class).single()));
        assertThat(inigo.phone()).isEqualTo("+34612345678");
        assertThat(inigo.email()).isEqualTo(created.toLowerCase() + "@example.com");
        assertThat(inigo.acquisitionChannel()).isEqualTo(io.escalera.customer.AcquisitionChannel.STORE);
        assertThat(jdbc.sql("SELECT word FROM customer_name_word WHERE customer_id = ? ORDER BY word").param(inigo.id())
                .query(String.class).list()).as("found by a word of the name, accents aside").containsExactly("inigo", "nunez");
        CustomerDetails ana = io.escalera.security.SystemUser.call(() -> customerService.get(shop.ana().id()));
        assertThat(ana.name()).isEqualTo("Ana Renamed");
        assertThat(ana.phone()).isEqualTo("+34699000111");
        assertThat(ana.version()).isEqualTo(shop.ana().version() + 1);
        assertThat(withMail.email()).isEqualTo(taken);
        io.escalera.support.AfterCommitListeners.await(jdbc, "io.escalera.loyalty");
        assertThat(io.escalera.security.SystemUser.call(() -> loyalty.stageOf(inigo.id())))
                .as("the ladder took the new customer in").hasValue(io.escalera.loyalty.Stage.PROSPECT);

        ImportJob again = imports.upload(ImportKind.CUSTOMERS, "clientes.csv", new ByteArrayInputStream(csv.getBytes()));
        imports.check(again.id(), imports.layout(again.id()).mapping());
        ImportJob rechecked = await(again.id(), ImportJob.Status.CHECKED);
        assertThat(List.of(rechecked.created(), rechecked.updated(), rechecked.unchanged())).containsExactly(0L, 0L, 2L);
    }

    @Test
    void aCustomerFileWithFirstAndLastNameColumnsAndACustomerSinceDateKeepsBoth() throws Exception {
        Shop shop = shop();
        String code = "SINCE-" + UUID.randomUUID().toString().substring(0, 6);
        String csv = String.join("\n",
                "Customer code,First name,Last name,Store,Customer since",
                code + ",María, del Río," + shop.unitCode() + ",2019-04-02",
                code + "-2,,Solo," + shop.unitCode() + ",",
                code + "-3,Later,," + shop.unitCode() + ",2099-01-01");
        ImportJob job = imports.upload(ImportKind.CUSTOMERS, "customers.csv", new ByteArrayInputStream(csv.getBytes()));
        Map<String, String> guessed = imports.layout(job.id()).mapping();
        assertThat(guessed).containsEntry("firstName", "First name").containsEntry("lastName", "Last name")
                .containsEntry("registeredOn", "Customer since").doesNotContainKey("name");

        java.util.Map<String, String> withoutAName = new java.util.HashMap<>(guessed);
        withoutAName.remove("firstName");
        withoutAName.remove("lastName");
        assertThatThrownBy(() -> imports.check(job.id(), withoutAName)).isInstanceOfSatisfying(FieldErrorsException.class,
                e -> assertThat(e.errors()).extracting(FieldErrorsException.FieldError::field).containsExactly("name"));

        imports.check(job.id(), guessed);
        ImportJob checked = await(job.id(), ImportJob.Status.CHECKED);
        assertThat(imports.rejects(checked.id(), 0, 10)).extracting(ImportReject::line, ImportReject::reasonKey)
                .containsExactly(tuple(4, "import.reject.future-date"));
        imports.commit(checked.id());
        await(checked.id(), ImportJob.Status.DONE);
        assertThat(jdbc.sql("SELECT name, DATE(created_at) FROM customer WHERE external_code = ?").param(code)
                .query((rs, n) -> List.of(rs.getString(1), rs.getDate(2).toLocalDate())).single())
                .containsExactly("María del Río", LocalDate.of(2019, 4, 2));
        assertThat(jdbc.sql("SELECT name, DATE(created_at) = CURRENT_DATE FROM customer WHERE external_code = ?").param(code + "-2")
                .query((rs, n) -> List.of(rs.getString(1), rs.getBoolean(2))).single())
                .as("no date in the file: registered on the import day").containsExactly("Solo", true);

        // the same file again changes nothing; a corrected date moves the registration
        ImportJob again = imports.upload(ImportKind.CUSTOMERS, "customers.csv", new ByteArrayInputStream(csv.getBytes()));
        imports.check(again.id(), imports.layout(again.id()).mapping());
        assertThat(await(again.id(), ImportJob.Status.CHECKED).unchanged()).isEqualTo(2);
        String corrected = csv.replace("2019-04-02", "2018-12-31");
        ImportJob fix = imports.upload(ImportKind.CUSTOMERS, "customers.csv", new ByteArrayInputStream(corrected.getBytes()));
        imports.check(fix.id(), imports.layout(fix.id()).mapping());
        assertThat(await(fix.id(), ImportJob.Status.CHECKED).updated()).isEqualTo(1);
        imports.commit(fix.id());
        await(fix.id(), ImportJob.Status.DONE);
        assertThat(jdbc.sql("SELECT DATE(created_at) FROM customer WHERE external_code = ?").param(code).query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2018, 12, 31));
    }

    @Test
    void aFileLongerThanOneChunkIsStagedWholeWithItsLineNumbersAndDuplicatesAcrossChunks() throws Exception {
        Shop shop = shop();
        int rows = 45_001; // three chunks of the runner: 20,000 + 20,000 + 5,001, the next written while one is read
        String prefix = id() + "-";
        StringBuilder csv = new StringBuilder("externalId,customerCode,orderDate,unitCode,grossAmount\n");
        for (int i = 0; i < rows; i++) {
            int line = i + 2;
            String externalId = line == 44_000 ? prefix + 3 : prefix + line;
            String date = line == 12 ? "2026-02-30" : "2026-01-10";
            String amount = line == 30_002 ? "-1" : "10";
            csv.append(externalId).append(',').append(shop.ana().externalCode()).append(',').append(date).append(',')
                    .append(shop.unitCode()).append(',').append(amount).append('\n');
        }

        ImportJob checked = run("long.csv", csv.toString().getBytes());

        assertThat(checked.rowsRead()).isEqualTo(rows);
        assertThat(List.of(checked.created(), checked.rejected())).containsExactly((long) rows - 3, 3L);
        assertThat(imports.rejects(checked.id(), 0, 10)).extracting(ImportReject::line, ImportReject::reasonKey, ImportReject::detail)
                .containsExactly(
                        tuple(12, "import.format.bad-date", "2026-02-30"),
                        tuple(30_002, "import.reject.negative-amount", null),
                        tuple(44_000, "import.reject.duplicate-in-file", "line 3"));
        imports.discard(checked.id());
    }

    @Test
    void aFailureWhileWritingLeavesNothingOfTheFileIn() throws Exception {
        Shop shop = shop();
        OrderRow existing = testCustomers.newOrder(shop.ana(), LocalDate.now().minusDays(10), "50.00");
        String good = id(), boom = "BOOM-" + UUID.randomUUID().toString().substring(0, 6);
        String csv = String.join("\n",
                "externalId,customerCode,orderDate,unitCode,grossAmount",
                existing.externalId() + "," + shop.ana().externalCode() + "," + existing.orderDate() + "," + shop.unitCode() + ",75.00",
                good + "," + shop.ana().externalCode() + ",2026-01-10," + shop.unitCode() + ",20",
                boom + "," + shop.ben().externalCode() + ",2026-01-11," + shop.unitCode() + ",30");
        ImportJob checked = run("orders.csv", csv.getBytes());
        assertThat(List.of(checked.created(), checked.updated())).containsExactly(2L, 1L);

        // the database refuses the last row while the file is being written (the checks could not know)
        jdbc.sql("ALTER TABLE customer_order ADD CONSTRAINT test_import_boom CHECK (external_id <> '" + boom + "')").update();
        try {
            imports.commit(checked.id());
            ImportJob failed = await(checked.id(), ImportJob.Status.FAILED);
            assertThat(failed.error()).contains("test_import_boom");
        } finally {
            jdbc.sql("ALTER TABLE customer_order DROP CONSTRAINT test_import_boom").update();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE external_id IN (?, ?)").params(good, boom).query(Long.class).single()).isZero();
        assertThat(orderByExternalId(existing.externalId()).grossAmount()).as("the update was rolled back too").isEqualByComparingTo("50.00");

        // checked again and committed once the cause is gone: everything goes in
        imports.check(checked.id(), imports.layout(checked.id()).mapping());
        await(checked.id(), ImportJob.Status.CHECKED);
        imports.commit(checked.id());
        await(checked.id(), ImportJob.Status.DONE);
        assertThat(orderByExternalId(existing.externalId()).grossAmount()).isEqualByComparingTo("75.00");
        assertThat(orderByExternalId(boom).customerId()).isEqualTo(shop.ben().id());
    }

    @Test
    void anExportedXlsxImportsBackAsTheSameOrders() throws Exception {
        Shop shop = shop();
        testCustomers.newOrder(shop.ana(), LocalDate.now().minusDays(40), "99.90", "9.90", "40.00", "10.00");
        testCustomers.newLateOrder(shop.ben(), LocalDate.now().minusDays(20), "15.00");
        long unitId = orderByExternalId(jdbc.sql("SELECT external_id FROM customer_order WHERE customer_id = ?").param(shop.ana().id())
                .query(String.class).single()).unitId();
        OrderFilter theStore = new OrderFilter(null, null, unitId, null, false, false, false, false);
        List<OrderRow> before = jdbc.sql("SELECT id FROM customer_order WHERE unit_id = ? ORDER BY id").param(unitId)
                .query(Long.class).list().stream().map(this::orderById).toList();

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        assertThat(exports.write(theStore, TableWriter.Format.XLSX, xlsx)).isEqualTo(2);
        ImportJob checked = run("orders.xlsx", xlsx.toByteArray());

        assertThat(imports.layout(checked.id()).mapping()).containsAllEntriesOf(Map.of("externalId", "Order id",
                "customerCode", "Customer code", "grossAmount", "Gross amount", "deliveredInFull", "Delivered in full"));
        assertThat(List.of(checked.created(), checked.updated(), checked.unchanged(), checked.rejected())).containsExactly(0L, 0L, 2L, 0L);
        imports.commit(checked.id());
        await(checked.id(), ImportJob.Status.DONE);
        assertThat(before.stream().map(o -> orderById(o.id())).toList()).isEqualTo(before);
    }

    private OrderRow orderByExternalId(String externalId) {
        return orderById(jdbc.sql("SELECT id FROM customer_order WHERE external_id = ?").param(externalId).query(Long.class).single());
    }

    private OrderRow orderById(long id) {
        return io.escalera.security.SystemUser.call(() -> orderService.get(id));
    }

    @Autowired io.escalera.customer.OrderService orderService;
    @Autowired io.escalera.customer.CustomerService customerService;
    @Autowired io.escalera.loyalty.LoyaltyService loyalty;
}
