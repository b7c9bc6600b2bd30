package io.escalera.kpi;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import io.escalera.admin.UnitKind;
import io.escalera.customer.CustomerDetails;
import io.escalera.feedback.FeedbackForm;
import io.escalera.feedback.FeedbackKind;
import io.escalera.feedback.FeedbackService;
import io.escalera.kpi.ui.KpiTargetsView;
import io.escalera.security.Role;
import io.escalera.security.SystemUser;
import io.escalera.security.UnitDirectory;
import io.escalera.security.UserAccount;
import io.escalera.shared.FieldErrorsException;
import io.escalera.support.BrowserlessApp;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestClock;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Targets held against history. The store's monthly NPS, four, three and two months ago: 0 (10, 0), 33.3 (10, 10, 0),
 * 50 (10, 10, 10, 0) — so the best month-on-month change so far is +33.3, and the last month with answers reads 50.
 */
@EscaleraTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiTargetServiceTest {

    @Autowired KpiTargetService targets;
    @Autowired KpiService kpis;
    @Autowired KpiRebuilds rebuilds;
    @Autowired FeedbackService feedback;
    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;
    @Autowired TestClock clock;

    private UserAccount manager;
    private final LocalDate thisMonth = LocalDate.now().withDayOfMonth(1);

    @BeforeAll
    void threeMonthsOfAnswers() {
        manager = testUsers.newUser(Role.MANAGER);
        CustomerDetails customer = testCustomers.newCustomer(manager.unitId());
        int[][] months = {{10, 0}, {10, 10, 0}, {10, 10, 10, 0}};
        clock.freeze();
        for (int i = 0; i < months.length; i++) {
            LocalDate day = thisMonth.minusMonths(4 - i).plusDays(14);
            clock.reset();
            clock.freeze();
            clock.advance(Duration.between(Instant.now(), day.atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant()));
            testUsers.signIn(manager);
            for (int score : months[i]) {
                FeedbackForm form = new FeedbackForm();
                form.setCustomerId(customer.id());
                form.setKind(FeedbackKind.NPS);
                form.setScore(score);
                feedback.record(form);
            }
        }
        clock.reset();
        SecurityContextHolder.clearContext();
        SystemUser.call(() -> rebuilds.rebuild(thisMonth.minusMonths(5), LocalDate.now()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @AfterAll
    void resetClock() {
        clock.reset();
    }

    private KpiTargetForm nps(double value) {
        KpiTargetForm form = new KpiTargetForm();
        form.setKpi(Kpi.NPS);
        form.setPeriodKind(KpiPeriod.Kind.MONTH);
        form.setPeriodDay(thisMonth);
        form.setScope(KpiTarget.Scope.UNIT);
        form.setUnitId(manager.unitId());
        form.setValue(value);
        form.setOwner("Store manager");
        return form;
    }

    @Test
    void aTargetWithinTheBestChangeSoFarIsPlausible() {
        testUsers.signIn(manager);
        Plausibility plausibility = targets.check(nps(80));
        assertThat(plausibility.plausible()).isTrue();
        assertThat(plausibility.baseline()).isEqualTo(50.0);
        assertThat(plausibility.bestChange()).isCloseTo(100 / 3.0, within(1e-9));
    }

    @Test
    void aTargetBeyondTheBestChangeSaysSoWithTheNumbersAndNeedsConfirmationAndARationale() {
        testUsers.signIn(manager);
        Plausibility plausibility = targets.check(nps(90));
        assertThat(plausibility.plausible()).isFalse();
        assertThat(plausibility.messageKey()).isEqualTo("kpi-target.beyond-history");
        assertThat(plausibility.neededChange()).isEqualTo(40.0);
        assertThat(plausibility.bestChange()).isCloseTo(100 / 3.0, within(1e-9));

        assertThatThrownBy(() -> targets.save(nps(90), false)).isInstanceOfSatisfying(FieldErrorsException.class,
                e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("kpi-target.confirm"));
        assertThatThrownBy(() -> targets.save(nps(90), true)).isInstanceOfSatisfying(FieldErrorsException.class,
                e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("kpi-target.rationale-required"));
        KpiTargetForm explained = nps(90);
        explained.setRationale("New store layout and a loyalty card launch this month");
        KpiTarget saved = targets.save(explained, true);
        assertThat(saved.implausible()).isTrue();

        KpiFilter store = new KpiFilter(manager.unitId(), false, null);
        KpiTile tile = kpis.board(Board.VOICE, store, KpiPeriod.of(KpiPeriod.Kind.MONTH, thisMonth)).getFirst();
        assertThat(tile.kpi()).isEqualTo(Kpi.NPS);
        assertThat(tile.target()).isEqualTo(saved);
        KpiTile ownUnit = kpis.board(Board.VOICE, new KpiFilter(null, false, null), KpiPeriod.of(KpiPeriod.Kind.MONTH, thisMonth)).getFirst();
        assertThat(ownUnit.target()).as("a store manager who chose no unit sees their store's target").isEqualTo(saved);
        KpiTile lastMonthWithAnswers = kpis.board(Board.VOICE, store, KpiPeriod.of(KpiPeriod.Kind.MONTH, thisMonth.minusMonths(2))).getFirst();
        assertThat(lastMonthWithAnswers.target()).as("a target belongs to its own period").isNull();
    }

    @Test
    void aTargetBeyondTheKpisNaturalBoundsIsNeverPlausible() {
        testUsers.signIn(manager);
        assertThat(targets.check(nps(120)).messageKey()).isEqualTo("kpi-target.out-of-bounds");
        KpiTargetForm share = nps(1.2);
        share.setKpi(Kpi.CSAT_SHARE);
        assertThat(targets.check(share).plausible()).isFalse();
    }

    @Test
    void aStoreManagerSetsTargetsForTheirUnitOnly() {
        testUsers.signIn(manager);
        KpiTargetForm everything = nps(60);
        everything.setScope(KpiTarget.Scope.ALL);
        assertThatThrownBy(() -> targets.check(everything)).isInstanceOfSatisfying(FieldErrorsException.class,
                e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("kpi-target.scope-invalid"));
        KpiTargetForm otherStore = nps(60);
        otherStore.setUnitId(testUsers.newUnit(UnitKind.STORE));
        assertThatThrownBy(() -> targets.check(otherStore)).isInstanceOf(FieldErrorsException.class);
    }

    @Autowired ApplicationContext spring;

    @Test
    void theFormSaysWhyWithTheNumbersAndSavesOnlyWhenConfirmed() {
        BrowserlessApp app = new BrowserlessApp(spring);
        try {
            BrowserlessUIContext window = app.windowOf(testUsers.authenticationOf(manager));
            window.getUI().setLocale(Locale.ENGLISH);
            window.navigate("kpi/targets", KpiTargetsView.class);
            window.test(window.find(Button.class).withId("kpi-target-new").single()).click();
            @SuppressWarnings("unchecked")
            Select<Kpi> kpi = window.find(Select.class).withId("target-kpi").single();
            kpi.setValue(Kpi.NPS);
            @SuppressWarnings("unchecked")
            Select<KpiPeriod.Kind> kind = window.find(Select.class).withId("target-period-kind").single();
            kind.setValue(KpiPeriod.Kind.MONTH);
            window.find(DatePicker.class).withId("target-period-day").single().setValue(thisMonth);
            @SuppressWarnings("unchecked")
            Select<KpiTarget.Scope> scope = window.find(Select.class).withId("target-scope").single();
            scope.setValue(KpiTarget.Scope.UNIT);
            @SuppressWarnings("unchecked")
            ComboBox<UnitDirectory.UnitRef> unit =
                    window.find(ComboBox.class).withId("target-unit").single();
            unit.setValue(unit.getListDataView().getItems().filter(u -> u.id() == manager.unitId()).findFirst().orElseThrow());
            window.find(NumberField.class).withId("target-value").single().setValue(95.0);
            Button save = window.find(Button.class).withId("target-save").single();
            window.test(save).click();

            Paragraph warning = window.find(Paragraph.class).withId("target-warning").single();
            assertThat(warning.isVisible()).isTrue();
            assertThat(warning.getText()).isEqualTo("This target needs +45 in one month (from 50); the best month so far was +33.3.");
            assertThat(targets.list()).noneMatch(t -> t.value() == 95.0);

            window.find(Checkbox.class).withId("target-confirm").single().setValue(true);
            window.find(TextArea.class).withId("target-rationale").single().setValue("Relaunch of the store");
            window.test(save).click();
            assertThat(targets.list()).anyMatch(t -> t.value() == 95.0 && t.implausible() && "Relaunch of the store".equals(t.rationale()));
        } finally {
            app.close();
        }
    }

    @Test
    void targetStatusIsOnTrackAtRiskOrOffTrack() {
        KpiTarget npsTarget = new KpiTarget(1, Kpi.NPS, KpiPeriod.of(KpiPeriod.Kind.MONTH, thisMonth), KpiTarget.Scope.ALL, null, null,
                40, "x", null, false);
        assertThat(npsTarget.statusOf(41.0)).isEqualTo(KpiTarget.Status.ON_TRACK);
        assertThat(npsTarget.statusOf(38.0)).isEqualTo(KpiTarget.Status.AT_RISK);
        assertThat(npsTarget.statusOf(30.0)).isEqualTo(KpiTarget.Status.OFF_TRACK);
        KpiTarget returns = new KpiTarget(2, Kpi.RETURN_RATE, npsTarget.period(), KpiTarget.Scope.ALL, null, null, 0.10, "x", null, false);
        assertThat(returns.statusOf(0.09)).as("lower is better").isEqualTo(KpiTarget.Status.ON_TRACK);
        assertThat(returns.statusOf(0.2)).isEqualTo(KpiTarget.Status.OFF_TRACK);
    }
}
