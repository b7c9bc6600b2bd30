package io.escalera.security;

import io.escalera.admin.UnitService;
import io.escalera.complaint.CompensationForm;
import io.escalera.complaint.CompensationService;
import io.escalera.complaint.CompensationType;
import io.escalera.complaint.ComplaintFilter;
import io.escalera.complaint.ComplaintQueue;
import io.escalera.complaint.ComplaintQueues;
import io.escalera.complaint.ComplaintService;
import io.escalera.complaint.ComplaintStatus;
import io.escalera.complaint.Severity;
import io.escalera.customer.CustomerForm;
import io.escalera.customer.CustomerImport;
import io.escalera.customer.CustomerSearch;
import io.escalera.customer.CustomerService;
import io.escalera.customer.CustomerTimeline;
import io.escalera.customer.OrderExport;
import io.escalera.customer.OrderFilter;
import io.escalera.customer.OrderForm;
import io.escalera.customer.OrderImport;
import io.escalera.customer.OrderService;
import io.escalera.customer.ReferralService;
import io.escalera.exchange.Imports;
import io.escalera.exchange.Webhooks;
import io.escalera.feedback.FeedbackForm;
import io.escalera.feedback.FeedbackImport;
import io.escalera.feedback.FeedbackKind;
import io.escalera.feedback.FeedbackService;
import io.escalera.feedback.FollowUpOutcome;
import io.escalera.feedback.InvitationOrigin;
import io.escalera.feedback.InvitationService;
import io.escalera.feedback.SurveyService;
import io.escalera.feedback.Touchpoint;
import io.escalera.interaction.Direction;
import io.escalera.interaction.InteractionChannel;
import io.escalera.interaction.InteractionFilter;
import io.escalera.interaction.InteractionForm;
import io.escalera.interaction.InteractionImport;
import io.escalera.interaction.InteractionService;
import io.escalera.interaction.ReasonService;
import io.escalera.kpi.Board;
import io.escalera.kpi.Kpi;
import io.escalera.kpi.KpiDrillDowns;
import io.escalera.kpi.KpiFilter;
import io.escalera.kpi.KpiPeriod;
import io.escalera.kpi.KpiService;
import io.escalera.kpi.KpiTargetService;
import io.escalera.loyalty.LadderFilter;
import io.escalera.loyalty.LadderReports;
import io.escalera.loyalty.LadderSegment;
import io.escalera.loyalty.LoyaltyService;
import io.escalera.loyalty.Stage;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.NotFoundException;
import io.escalera.shared.TableWriter;
import io.escalera.support.ScopeWorld;
import io.escalera.support.TestComplaints;
import io.escalera.value.MarketValueForm;
import io.escalera.value.NpsBand;
import io.escalera.value.RfmSegment;
import io.escalera.value.ValueService;
import io.escalera.value.ValueTier;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One case per service method that takes a record id or a unit: what an outsider of store A1 gets when calling it with
 * A1's records. Keys are "Class.method(ParameterTypes)". Cases say "not found", "refused on the field that names the
 * record", "the record is left out" (a list or report over A1 equals one over a unit with no records), or "ADMIN only";
 * the few that are not unit-scoped say why.
 */
class ScopeCases {

    interface Check {
        void run() throws Exception;
    }

    record ScopeCase(boolean write, Check check) {
    }

    private final Map<String, ScopeCase> cases = new TreeMap<>();
    private final ApplicationContext context;
    private final ScopeWorld w;

    ScopeCases(ApplicationContext context, ScopeWorld world) {
        this.context = context;
        this.w = world;
        customers();
        complaints();
        interactions();
        feedback();
        reports();
        exchangeAndAdmin();
    }

    Set<String> keys() {
        return cases.keySet();
    }

    Map<String, ScopeCase> all() {
        return cases;
    }

    static String key(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "("
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(",")) + ")";
    }

    private <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    private void read(String key, Check check) {
        cases.put(key, new ScopeCase(false, check));
    }

    private void write(String key, Check check) {
        cases.put(key, new ScopeCase(true, check));
    }

    // ---- outcomes ---------------------------------------------------------------------------------------------------

    private static void notFound(Check call) {
        assertThatThrownBy(call::run).isInstanceOf(NotFoundException.class);
    }

    private static void refusedOn(String field, Check call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(FieldErrorsException.class, e ->
                assertThat(e.errors()).anySatisfy(error -> assertThat(error.field()).isEqualTo(field)));
    }

    private static void adminOnly(Check call) {
        assertThatThrownBy(call::run).isInstanceOf(AccessDeniedException.class);
    }

    /** A report or list over store A1 shows exactly what the same one over a unit with no records shows. */
    private void leftOut(Function<Long, Object> over) {
        Object expected = SystemUser.call(() -> over.apply(w.emptyUnit));
        assertThat(over.apply(w.storeA1)).isEqualTo(expected);
    }

    private static void companyWide(String why, Check call) {
        // not unit-scoped, on purpose: the reason is the string; the call must still not fail on an outsider
        assertThat(why).isNotBlank();
    }

    // ---- customer module --------------------------------------------------------------------------------------------

    private void customers() {
        CustomerService customers = bean(CustomerService.class);
        OrderService orders = bean(OrderService.class);
        long c = w.customer.id();
        read("CustomerService.get(long)", () -> notFound(() -> customers.get(c)));
        read("CustomerService.find(long)", () -> assertThat(customers.find(c)).isEmpty());
        read("CustomerService.forAction(long)", () -> notFound(() -> customers.forAction(c)));
        read("CustomerService.findForAction(long)", () -> assertThat(customers.findForAction(c)).isEmpty());
        read("CustomerService.search(CustomerSearch,Sort,long,int)", () -> leftOut(unit ->
                customers.search(new CustomerSearch(null, unit, null, null, null, true, null), Sort.unsorted(), 0, 500)));
        read("CustomerService.possibleDuplicates(CustomerForm,Long)", () -> {
            CustomerForm form = SystemUser.call(() -> CustomerForm.of(customers.get(c)));
            form.setExternalCode("SOMEONE-NEW");
            assertThat(customers.possibleDuplicates(form, null)).noneMatch(d -> d.id() == c);
        });
        write("CustomerService.create(CustomerForm)", () -> {
            CustomerForm form = SystemUser.call(() -> CustomerForm.of(customers.get(c)));
            form.setExternalCode("OUT-" + System.nanoTime());
            form.setEmail(null);
            refusedOn("homeUnitId", () -> customers.create(form));
        });
        write("CustomerService.update(long,CustomerForm)", () -> {
            CustomerForm form = SystemUser.call(() -> CustomerForm.of(customers.get(c)));
            form.setName("Changed by an outsider");
            notFound(() -> customers.update(c, form));
        });
        read("CustomerTimeline.page(long,Set,String,int,int)", () -> notFound(() -> bean(CustomerTimeline.class).page(c, Set.of(), null, 0, 50)));
        read("OrderService.get(long)", () -> notFound(() -> orders.get(w.order.id())));
        read("OrderService.belongsTo(long,long)", () -> assertThat(orders.belongsTo(w.order.id(), c)).isFalse());
        read("OrderService.ofCustomer(long,long,int)", () -> notFound(() -> orders.ofCustomer(c, 0, 50)));
        read("OrderService.list(OrderFilter,long,int)", () -> leftOut(unit ->
                orders.list(new OrderFilter(null, null, unit, null, false, false, false, true), 0, 500)));
        read("OrderService.forEach(OrderFilter,Consumer)", () -> leftOut(unit -> {
            List<Object> rows = new ArrayList<>();
            orders.forEach(new OrderFilter(null, null, unit, null, false, false, false, true), rows::add);
            return rows;
        }));
        read("OrderExport.write(OrderFilter,Format,OutputStream)", () -> leftOut(unit -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            return bean(OrderExport.class).write(new OrderFilter(null, null, unit, null, false, false, false, true), TableWriter.Format.CSV, out);
        }));
        write("OrderService.create(OrderForm)", () -> {
            OrderForm form = SystemUser.call(() -> OrderForm.of(orders.get(w.order.id())));
            form.setExternalId("OUT-" + System.nanoTime());
            refusedOn("customerId", () -> orders.create(form));
            refusedOn("unitId", () -> orders.create(form));
        });
        write("OrderService.update(long,OrderForm)", () -> {
            OrderForm form = SystemUser.call(() -> OrderForm.of(orders.get(w.order.id())));
            form.setGrossAmount(new BigDecimal("1.00"));
            notFound(() -> orders.update(w.order.id(), form));
        });
        ReferralService referrals = bean(ReferralService.class);
        read("ReferralService.of(long)", () -> notFound(() -> referrals.of(c)));
        write("ReferralService.record(long,long,LocalDate)", () -> notFound(() -> referrals.record(c, w.referred.id(), LocalDate.now())));
        importStep("CustomerImport", CustomerImport.class);
        importStep("OrderImport", OrderImport.class);
        importStep("ReferralImport", io.escalera.customer.ReferralImport.class);
        importStep("UnitImport", io.escalera.admin.UnitImport.class);
    }

    /**
     * The staged-import steps of each module are reached only through {@link Imports}, which refuses another user's
     * import as "not found" before any step runs; the case is that door.
     */
    private void importStep(String name, Class<?> type) {
        Imports imports = bean(Imports.class);
        for (String step : List.of("stage(long,List)", "check(long)", "rejects(long,long,int)", "commit(long)",
                "forgetAccepted(long)", "discard(long)")) {
            boolean writes = !step.startsWith("rejects");
            Check viaImports = () -> notFound(() -> imports.job(w.importId));
            cases.put(name + "." + step, new ScopeCase(writes, viaImports));
        }
    }

    // ---- complaint module -------------------------------------------------------------------------------------------

    private void complaints() {
        ComplaintService complaints = bean(ComplaintService.class);
        CompensationService compensations = bean(CompensationService.class);
        long k = w.complaint.id();
        long v = w.complaint.version();
        read("ComplaintService.get(long)", () -> notFound(() -> complaints.get(k)));
        write("ComplaintService.allowedActions(ComplaintDetails)", () -> {
            var details = SystemUser.call(() -> complaints.get(k));
            assertThat(complaints.allowedActions(details)).isEmpty();
        });
        read("ComplaintService.belongsTo(long,long)", () -> assertThat(complaints.belongsTo(k, w.customer.id())).isFalse());
        read("ComplaintService.history(long)", () -> notFound(() -> complaints.history(k)));
        read("CompensationService.compensations(long)", () -> notFound(() -> compensations.compensations(k)));
        read("ComplaintService.linkableOrders(long)", () -> notFound(() -> complaints.linkableOrders(w.customer.id())));
        read("CompensationService.compensationOf(long)", () -> notFound(() -> compensations.compensationOf(w.customer.id())));
        read("ComplaintService.assignableUsers(long)", () -> notFound(() -> complaints.assignableUsers(k)));
        ComplaintQueues queues = bean(ComplaintQueues.class);
        read("ComplaintQueues.list(ComplaintFilter,long,int)", () -> leftOut(unit -> queues.list(filter(unit), 0, 500)));
        read("ComplaintQueues.forEach(ComplaintFilter,Consumer)", () -> leftOut(unit -> {
            List<Object> rows = new ArrayList<>();
            queues.forEach(filter(unit), rows::add);
            return rows;
        }));
        read("ComplaintQueues.counts(ComplaintFilter)", () -> leftOut(unit -> queues.counts(filter(unit))));
        write("ComplaintService.open(ComplaintForm)", () -> refusedOn("customerId", () ->
                complaints.open(TestComplaints.form(w.customer, Severity.LOW))));
        write("ComplaintService.assign(long,long,String)", () -> notFound(() -> complaints.assign(k, v, w.staffA1.username())));
        write("ComplaintService.take(long,long)", () -> notFound(() -> complaints.take(k, v)));
        write("ComplaintService.move(long,long,ComplaintStatus)", () -> notFound(() -> complaints.move(k, v, ComplaintStatus.IN_PROGRESS)));
        write("ComplaintService.resolve(long,long,String,Long)", () -> notFound(() -> complaints.resolve(k, v, "Done", null)));
        write("ComplaintService.changeSeverity(long,long,Severity)", () -> notFound(() -> complaints.changeSeverity(k, v, Severity.LOW)));
        write("ComplaintService.comment(long,String)", () -> notFound(() -> complaints.comment(k, "An outsider's note")));
        write("CompensationService.grantCompensation(long,CompensationForm)", () -> {
            CompensationForm form = new CompensationForm();
            form.setType(CompensationType.VOUCHER);
            form.setAmount(new BigDecimal("1.00"));
            form.setReason("outsider");
            notFound(() -> compensations.grantCompensation(k, form));
        });
        write("CompensationService.decideCompensation(long,boolean)", () -> notFound(() -> compensations.decideCompensation(w.compensation.id(), true)));
        cases.put("RootCauseService.label(RootCause)", new ScopeCase(false, () -> companyWide("company-wide list", () -> { })));
        cases.put("RootCauseService.add(Long,String)", new ScopeCase(false, () -> companyWide("company-wide list", () -> { })));
        cases.put("RootCauseService.rename(long,long,String)", new ScopeCase(false, () -> companyWide("company-wide list", () -> { })));
        cases.put("RootCauseService.setRetired(long,long,boolean)", new ScopeCase(false, () -> companyWide("company-wide list", () -> { })));
    }

    private static ComplaintFilter filter(Long unit) {
        return new ComplaintFilter(ComplaintQueue.UNIT, null, null, null, null, unit, null, null, true);
    }

    // ---- interaction module -----------------------------------------------------------------------------------------

    private void interactions() {
        InteractionService interactions = bean(InteractionService.class);
        long i = w.interaction.id();
        read("InteractionService.get(long)", () -> notFound(() -> interactions.get(i)));
        read("InteractionService.belongsTo(long,long)", () -> assertThat(interactions.belongsTo(i, w.customer.id())).isFalse());
        read("InteractionService.costToServe(long)", () -> notFound(() -> interactions.costToServe(w.customer.id())));
        read("InteractionService.newForm(Long)", () -> assertThat(interactions.newForm(w.customer.id()).getCustomerId()).isNull());
        read("InteractionService.list(InteractionFilter,long,int)", () -> leftOut(unit -> interactions.list(ifilter(unit), 0, 500)));
        read("InteractionService.forEach(InteractionFilter,Consumer)", () -> leftOut(unit -> {
            List<Object> rows = new ArrayList<>();
            interactions.forEach(ifilter(unit), rows::add);
            return rows;
        }));
        write("InteractionService.log(InteractionForm)", () -> {
            InteractionForm form = new InteractionForm();
            form.setCustomerId(w.customer.id());
            form.setChannel(InteractionChannel.PHONE);
            form.setDirection(Direction.IN);
            form.setReasonId(w.reasonId);
            form.setSummary("outsider");
            form.setMinutes(1);
            refusedOn("customerId", () -> interactions.log(form));
        });
        write("InteractionService.markFollowUpDone(long)", () -> notFound(() -> interactions.markFollowUpDone(i)));
        cases.put("ReasonService.rename(long,long,String)", new ScopeCase(false, () -> companyWide("contact reasons are one company-wide list", () -> { })));
        cases.put("ReasonService.setRetired(long,long,boolean)", new ScopeCase(false, () -> companyWide("contact reasons are one company-wide list", () -> { })));
        importStep("InteractionImport", InteractionImport.class);
    }

    private static InteractionFilter ifilter(Long unit) {
        return new InteractionFilter(null, null, unit, null, null, null, null, null);
    }

    // ---- feedback module --------------------------------------------------------------------------------------------

    private void feedback() {
        FeedbackService feedback = bean(FeedbackService.class);
        InvitationService invitations = bean(InvitationService.class);
        SurveyService surveys = bean(SurveyService.class);
        long c = w.customer.id();
        read("FeedbackService.get(long)", () -> notFound(() -> feedback.get(w.answer.id())));
        read("FeedbackService.latestNps(long)", () -> notFound(() -> feedback.latestNps(c)));
        read("FeedbackService.followUp(long)", () -> notFound(() -> feedback.followUp(w.followUpId)));
        read("FeedbackService.list(Long,FeedbackKind,LocalDate,LocalDate,long,int)", () ->
                assertThat(feedback.list(c, null, null, null, 0, 500)).isEmpty());
        write("FeedbackService.record(FeedbackForm)", () -> refusedOn("customerId", () -> feedback.record(answerForm(c))));
        write("FeedbackService.recordFromApi(FeedbackForm)", () -> refusedOn("customerId", () -> feedback.recordFromApi(answerForm(c))));
        write("FeedbackService.closeFollowUp(long,long,FollowUpOutcome,String)", () -> notFound(() ->
                feedback.closeFollowUp(w.followUpId, w.followUpVersion, FollowUpOutcome.values()[0], "outsider")));
        write("FeedbackService.linkComplaint(long,long,long)", () -> notFound(() ->
                feedback.linkComplaint(w.followUpId, w.followUpVersion, w.complaint.id())));
        write("InvitationService.handOver(long)", () -> notFound(() -> invitations.handOver(w.invitationId)));
        write("InvitationService.resend(long)", () -> notFound(() -> invitations.resend(w.invitationId)));
        write("InvitationService.invite(long,InvitationOrigin,Set,Touchpoint,Long,Long)", () -> adminOnly(() ->
                invitations.invite(c, InvitationOrigin.STAFF, Set.of(FeedbackKind.NPS), Touchpoint.RELATIONSHIP, null, null)));
        write("SurveyService.createLink(long,Set,Touchpoint,Locale,Long,Long)", () -> notFound(() ->
                surveys.createLink(c, Set.of(FeedbackKind.NPS), Touchpoint.RELATIONSHIP, Locale.ENGLISH, null, null)));
        importStep("FeedbackImport", FeedbackImport.class);
    }

    private static FeedbackForm answerForm(long customerId) {
        FeedbackForm form = new FeedbackForm();
        form.setCustomerId(customerId);
        form.setKind(FeedbackKind.NPS);
        form.setScore(10);
        form.setTouchpoint(Touchpoint.RELATIONSHIP);
        return form;
    }

    // ---- reports: kpi, loyalty, value -------------------------------------------------------------------------------

    private void reports() {
        KpiService kpis = bean(KpiService.class);
        KpiPeriod year = KpiPeriod.of(KpiPeriod.Kind.YEAR, LocalDate.now());
        read("KpiService.board(Board,KpiFilter,KpiPeriod)", () -> leftOut(unit -> kpis.board(Board.SERVICE, new KpiFilter(unit, true, null), year)));
        KpiDrillDowns drillDowns = bean(KpiDrillDowns.class);
        read("KpiDrillDowns.records(Board,Kpi,KpiFilter,KpiPeriod,long,int)", () -> leftOut(unit ->
                drillDowns.records(Board.SERVICE, Kpi.COMPLAINT_RATE, new KpiFilter(unit, true, null), year, 0, 500)));
        read("KpiDrillDowns.answers(KpiFilter,KpiPeriod,String,int,int,long,int)", () -> leftOut(unit ->
                drillDowns.answers(new KpiFilter(unit, true, null), year, "NPS", 0, 10, 0, 500)));
        read("KpiDrillDowns.scoreDistributions(KpiFilter,KpiPeriod)", () -> leftOut(unit -> drillDowns.scoreDistributions(new KpiFilter(unit, true, null), year)));
        read("KpiService.compareUnits(KpiFilter,KpiPeriod,List)", () ->
                assertThat(kpis.compareUnits(new KpiFilter(w.regionA, true, null), year, List.of(Kpi.NPS))).doesNotContainKey(w.storeA1));
        KpiTargetService targets = bean(KpiTargetService.class);
        read("KpiTargetService.check(KpiTargetForm)", () -> refusedOn("scope", () -> targets.check(ScopeWorld.targetForm(w.storeA1))));
        write("KpiTargetService.save(KpiTargetForm,boolean)", () -> refusedOn("scope", () -> targets.save(ScopeWorld.targetForm(w.storeA1), true)));
        write("KpiTargetService.delete(long)", () -> notFound(() -> targets.delete(w.targetId)));

        LadderReports ladder = bean(LadderReports.class);
        read("LadderReports.funnel(LadderFilter)", () -> leftOut(unit -> ladder.funnel(lfilter(unit))));
        read("LadderReports.funnelWithoutClimbDays(LadderFilter)", () -> leftOut(unit -> ladder.funnelWithoutClimbDays(lfilter(unit))));
        read("LadderReports.movement(LadderFilter,LocalDate,LocalDate)", () -> leftOut(unit ->
                ladder.movement(lfilter(unit), LocalDate.now().minusDays(60), LocalDate.now())));
        read("LadderReports.cohorts(LadderFilter,int,int)", () -> leftOut(unit -> ladder.cohorts(lfilter(unit), 3, 3)));
        read("LadderReports.lifecycle(LadderFilter)", () -> leftOut(unit -> ladder.lifecycle(lfilter(unit))));
        read("LadderReports.customers(LadderFilter,LadderSegment,long,int)", () -> leftOut(unit ->
                ladder.customers(lfilter(unit), new LadderSegment.Reached(Stage.SHOPPER), 0, 500)));
        LoyaltyService loyalty = bean(LoyaltyService.class);
        read("LoyaltyService.stageOf(long)", () -> notFound(() -> loyalty.stageOf(w.customer.id())));
        write("LoyaltyService.update(long)", () -> adminOnly(() -> loyalty.update(w.customer.id())));

        ValueService values = bean(ValueService.class);
        long c = w.customer.id();
        read("ValueService.of(long)", () -> notFound(() -> values.of(c)));
        read("ValueService.marketValue(long)", () -> notFound(() -> values.marketValue(c)));
        write("ValueService.saveMarketValue(long,MarketValueForm)", () -> {
            MarketValueForm form = new MarketValueForm();
            form.setShareOfWallet(99);
            notFound(() -> values.saveMarketValue(c, form));
        });
        write("ValueService.update(long)", () -> adminOnly(() -> values.update(c)));
        read("ValueService.matrix(Long,boolean)", () -> leftOut(unit -> values.matrix(unit, true)));
        read("ValueService.matrixCell(ValueTier,NpsBand,Long,boolean,long,int)", () -> {
            for (ValueTier tier : ValueTier.values()) {
                for (NpsBand band : NpsBand.values()) {
                    leftOut(unit -> values.matrixCell(tier, band, unit, true, 0, 500));
                }
            }
        });
        read("ValueService.rfmSegment(RfmSegment,Long,boolean,long,int)", () -> {
            for (RfmSegment segment : RfmSegment.values()) {
                leftOut(unit -> values.rfmSegment(segment, unit, true, 0, 500));
            }
        });
        read("ValueService.averages(Long,boolean)", () -> leftOut(unit -> values.averages(unit, true)));
        read("ValueService.averages(Long,boolean,ValueTier)", () -> leftOut(unit -> values.averages(unit, true, ValueTier.A)));
        read("ValueService.atRisk(boolean,Long,boolean,long,int)", () -> leftOut(unit -> values.atRisk(false, unit, true, 0, 500)));
        read("ValueService.valued(boolean,Long,boolean,ValueTier,long,int)", () -> leftOut(unit -> values.valued(false, unit, true, null, 0, 500)));
        read("ValueService.countAtRisk(boolean,Long,boolean)", () -> leftOut(unit -> values.countAtRisk(false, unit, true)));
    }

    private static LadderFilter lfilter(Long unit) {
        return new LadderFilter(unit, true, null, null, null);
    }

    // ---- exchange, admin, security ----------------------------------------------------------------------------------

    private void exchangeAndAdmin() {
        Imports imports = bean(Imports.class);
        read("Imports.job(long)", () -> notFound(() -> imports.job(w.importId)));
        read("Imports.layout(long)", () -> notFound(() -> imports.layout(w.importId)));
        read("Imports.rejects(long,long,int)", () -> notFound(() -> imports.rejects(w.importId, 0, 50)));
        write("Imports.check(long,Map)", () -> notFound(() -> imports.check(w.importId, Map.of())));
        write("Imports.commit(long)", () -> notFound(() -> imports.commit(w.importId)));
        write("Imports.discard(long)", () -> notFound(() -> imports.discard(w.importId)));
        Webhooks webhooks = bean(Webhooks.class);
        write("Webhooks.update(long,WebhookForm)", () -> adminOnly(() -> webhooks.update(1L, null)));
        write("Webhooks.delete(long)", () -> adminOnly(() -> webhooks.delete(1L)));
        read("Webhooks.deliveries(Long,long,int)", () -> adminOnly(() -> webhooks.deliveries(1L, 0, 10)));
        write("Webhooks.retry(long)", () -> adminOnly(() -> webhooks.retry(1L)));
        UserAdministration users = bean(UserAdministration.class);
        read("UserAdministration.find(long)", () -> adminOnly(() -> users.find(w.staffA1.id())));
        write("UserAdministration.create(UserForm)", () -> adminOnly(() -> users.create(new UserForm())));
        write("UserAdministration.update(long,UserForm)", () -> adminOnly(() -> users.update(w.staffA1.id(), new UserForm())));
        write("UserAdministration.resetPassword(long,String)", () -> adminOnly(() -> users.resetPassword(w.staffA1.id(), "x")));
        write("UserAdministration.requirePasswordChange(long)", () -> adminOnly(() -> users.requirePasswordChange(w.staffA1.id())));
        ApiTokens tokens = bean(ApiTokens.class);
        write("ApiTokens.issue(ApiTokenForm)", () -> adminOnly(() -> tokens.issue(new ApiTokenForm())));
        write("ApiTokens.revoke(long)", () -> adminOnly(() -> tokens.revoke(1L)));
        UnitService units = bean(UnitService.class);
        write("UnitService.create(UnitForm)", () -> adminOnly(() -> units.create(null)));
        write("UnitService.update(long,UnitForm)", () -> adminOnly(() -> units.update(w.storeA1, null)));
        String directory = "units are the company's directory (codes, names, hierarchy): every signed-in user reads it to "
                + "label and pick units; it holds no customer data";
        for (String m : List.of("UnitService.get(long)", "UnitService.find(long)", "UnitService.selfAndDescendants(long)")) {
            cases.put(m, new ScopeCase(false, () -> companyWide(directory, () -> { })));
        }
        UnitScopes scopes = bean(UnitScopes.class);
        read("UnitScopes.canSee(long)", () -> assertThat(scopes.canSee(w.storeA1)).isFalse());
        read("UnitScopes.canAct(long)", () -> assertThat(scopes.canAct(w.storeA1)).isFalse());
        read("UnitScopes.unitsForList(Long,boolean)", () -> assertThat(scopes.unitsForList(w.storeA1, true)).isEmpty());
    }
}
