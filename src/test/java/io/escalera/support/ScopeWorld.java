package io.escalera.support;

import io.escalera.admin.UnitKind;
import io.escalera.complaint.Compensation;
import io.escalera.complaint.CompensationForm;
import io.escalera.complaint.CompensationType;
import io.escalera.complaint.ComplaintDetails;
import io.escalera.complaint.CompensationService;
import io.escalera.complaint.ComplaintService;
import io.escalera.customer.CustomerDetails;
import io.escalera.customer.OrderRow;
import io.escalera.customer.ReferralService;
import io.escalera.exchange.ImportKind;
import io.escalera.exchange.Imports;
import io.escalera.feedback.Feedback;
import io.escalera.feedback.FeedbackForm;
import io.escalera.feedback.FeedbackKind;
import io.escalera.feedback.FeedbackService;
import io.escalera.feedback.SurveyService;
import io.escalera.feedback.Touchpoint;
import io.escalera.interaction.Direction;
import io.escalera.interaction.InteractionChannel;
import io.escalera.interaction.InteractionForm;
import io.escalera.interaction.InteractionRow;
import io.escalera.interaction.InteractionService;
import io.escalera.interaction.ReasonService;
import io.escalera.kpi.Kpi;
import io.escalera.kpi.KpiPeriod;
import io.escalera.kpi.KpiTarget;
import io.escalera.kpi.KpiTargetForm;
import io.escalera.kpi.KpiTargetService;
import io.escalera.security.ApiToken;
import io.escalera.security.ApiTokenForm;
import io.escalera.security.ApiTokens;
import io.escalera.security.Role;
import io.escalera.security.SystemUser;
import io.escalera.security.UserAccount;
import io.escalera.security.internal.ApiTokenPrincipals;
import io.escalera.value.MarketValueForm;
import io.escalera.value.ValueService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Real records of one store, A1 in region A, for the unit-scope test: a customer with an order, a contact, a case with
 * a compensation waiting for approval, an unhappy answer and its follow-up, a survey invitation, a referral, a market
 * value estimate, a KPI target of the store and an import of its manager. Region B (with store B1) and the sibling
 * store A2 hold the outsiders; {@link #emptyUnit} has no records at all, for comparisons.
 */
@Component
public class ScopeWorld {

    public long regionA, storeA1, storeA2, regionB, storeB1, emptyUnit;
    public CustomerDetails customer, referred;
    public OrderRow order;
    public InteractionRow interaction;
    public ComplaintDetails complaint;
    public Compensation compensation;
    public Feedback answer;
    public long followUpId, followUpVersion, invitationId, targetId, importId, reasonId;
    public UserAccount staffA1, managerA1;

    private final TestUsers testUsers;
    private final TestCustomers testCustomers;
    private final ComplaintService complaints;
    private final CompensationService compensations;
    private final InteractionService interactions;
    private final ReasonService reasons;
    private final FeedbackService feedback;
    private final SurveyService surveys;
    private final ReferralService referrals;
    private final ValueService values;
    private final KpiTargetService targets;
    private final Imports imports;
    private final ApiTokens tokens;
    private boolean built;

    public ScopeWorld(TestUsers testUsers, TestCustomers testCustomers, ComplaintService complaints,
                      CompensationService compensations, InteractionService interactions,
                      ReasonService reasons, FeedbackService feedback, SurveyService surveys, ReferralService referrals,
                      ValueService values, KpiTargetService targets, Imports imports, ApiTokens tokens) {
        this.testUsers = testUsers;
        this.testCustomers = testCustomers;
        this.complaints = complaints;
        this.compensations = compensations;
        this.interactions = interactions;
        this.reasons = reasons;
        this.feedback = feedback;
        this.surveys = surveys;
        this.referrals = referrals;
        this.values = values;
        this.targets = targets;
        this.imports = imports;
        this.tokens = tokens;
    }

    public synchronized void build() {
        if (built) {
            return;
        }
        regionA = testUsers.newUnit(UnitKind.REGION);
        storeA1 = testUsers.newUnitUnder(UnitKind.STORE, regionA);
        storeA2 = testUsers.newUnitUnder(UnitKind.STORE, regionA);
        regionB = testUsers.newUnit(UnitKind.REGION);
        storeB1 = testUsers.newUnitUnder(UnitKind.STORE, regionB);
        emptyUnit = testUsers.newUnit(UnitKind.STORE);
        staffA1 = testUsers.newUserIn(Role.STAFF, storeA1);
        managerA1 = testUsers.newUserIn(Role.MANAGER, storeA1);

        customer = testCustomers.newConsentingCustomer(storeA1);
        referred = testCustomers.newCustomer(storeA1);
        order = testCustomers.newLateOrder(customer, LocalDate.now().minusDays(20), "120.00");
        testCustomers.newOrder(customer, LocalDate.now().minusDays(10), "80.00");
        reasonId = SystemUser.call(() -> reasons.active().isEmpty() ? reasons.add("Scope test reason").id() : reasons.active().getFirst().id());
        interaction = as(staffA1, () -> {
            InteractionForm form = interactions.newForm(customer.id());
            form.setChannel(InteractionChannel.PHONE);
            form.setDirection(Direction.IN);
            form.setReasonId(reasonId);
            form.setSummary("Asked where the parcel is");
            form.setMinutes(4);
            form.setFollowUpOn(LocalDate.now().plusDays(1));
            return interactions.log(form);
        });
        complaint = as(staffA1, () -> complaints.open(TestComplaints.form(customer, io.escalera.complaint.Severity.HIGH)));
        complaint = as(staffA1, () -> complaints.take(complaint.id(), complaint.version()));
        compensation = as(staffA1, () -> {
            CompensationForm form = new CompensationForm();
            form.setType(CompensationType.REFUND);
            form.setAmount(new BigDecimal("5000.00"));
            form.setReason("Far above the STAFF limit: waits for a manager");
            return compensations.grantCompensation(complaint.id(), form);
        });
        complaint = SystemUser.call(() -> complaints.get(complaint.id()));
        answer = as(staffA1, () -> {
            FeedbackForm form = new FeedbackForm();
            form.setCustomerId(customer.id());
            form.setKind(FeedbackKind.NPS);
            form.setScore(2);
            form.setTouchpoint(Touchpoint.RELATIONSHIP);
            return feedback.record(form);
        });
        var followUp = as(managerA1, () -> feedback.followUps(true, 0, 500).stream()
                .filter(f -> f.feedbackId() == answer.id()).findFirst().orElseThrow());
        followUpId = followUp.id();
        followUpVersion = followUp.version();
        invitationId = as(staffA1, () -> surveys.createLink(customer.id(), Set.of(FeedbackKind.NPS), Touchpoint.RELATIONSHIP,
                Locale.ENGLISH, null, null).invitationId());
        as(staffA1, () -> referrals.record(customer.id(), referred.id(), LocalDate.now().minusDays(3)));
        as(staffA1, () -> {
            MarketValueForm form = new MarketValueForm();
            form.setShareOfWallet(40);
            form.setCompetitivePressure(3);
            return values.saveMarketValue(customer.id(), form);
        });
        KpiTarget target = as(managerA1, () -> targets.save(targetForm(storeA1), true));
        targetId = target.id();
        importId = as(managerA1, () -> imports.upload(ImportKind.CUSTOMERS, "customers.csv", new ByteArrayInputStream(
                "code;name;unit\nSC-1;Scope Person;X\n".getBytes(StandardCharsets.UTF_8))).id());
        built = true;
    }

    /** A target of the store, as a manager would set it for their own unit. */
    public static KpiTargetForm targetForm(long unitId) {
        KpiTargetForm form = new KpiTargetForm();
        form.setKpi(Kpi.NPS);
        form.setPeriodKind(KpiPeriod.Kind.QUARTER);
        form.setPeriodDay(LocalDate.now().plusMonths(3));
        form.setScope(KpiTarget.Scope.UNIT);
        form.setUnitId(unitId);
        form.setValue(40.0);
        form.setOwner("Store manager");
        form.setRationale("Scope test");
        return form;
    }

    /** The authentication of an API token of this role for this unit (issued by an ADMIN). */
    public Authentication tokenOf(Role role, long unitId) {
        ApiTokenForm form = new ApiTokenForm();
        form.setName("scope-" + UUID.randomUUID().toString().substring(0, 8));
        form.setRole(role);
        form.setUnitId(unitId);
        form.setExpiresOn(LocalDate.now().plusDays(30));
        ApiToken token = SystemUser.call(() -> tokens.issue(form)).token();
        return ApiTokenPrincipals.of(token);
    }

    private <T> T as(UserAccount account, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
        try {
            testUsers.signIn(account);
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
