package io.escalera.selenium;

import io.escalera.customer.CustomerDetails;
import io.escalera.feedback.FeedbackForm;
import io.escalera.feedback.FeedbackKind;
import io.escalera.feedback.FeedbackService;
import io.escalera.kpi.KpiRebuilds;
import io.escalera.security.Role;
import io.escalera.security.SystemUser;
import io.escalera.security.UserAccount;
import io.escalera.support.BrowserJourney;
import io.escalera.support.Chromium;
import io.escalera.support.TestClock;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static io.escalera.support.Chromium.pick;
import static io.escalera.support.Chromium.visible;
import static io.escalera.support.Chromium.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: an EXECUTIVE opens the executive board of one store, moves the period back a month, sees the NPS
 * tile change from 100 to 33.3, and opens the detractors behind it.
 */
class ExecutiveReadsTheBoardJourneyTest extends BrowserJourney {

    private static final String PASSWORD = "correct-horse-battery";

    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;
    @Autowired FeedbackService feedback;
    @Autowired KpiRebuilds rebuilds;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theNpsTileFollowsThePeriodAndOpensItsDetractors() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        UserAccount executive = testUsers.newUser(Role.EXECUTIVE);
        CustomerDetails happy = testCustomers.newCustomer(staff.unitId());
        CustomerDetails unhappy = testCustomers.newCustomer(staff.unitId());
        LocalDate today = LocalDate.now();
        testUsers.signIn(staff);
        answer(happy, 10);
        answer(happy, 10);
        clock.advance(Duration.ofDays(-31));
        LocalDate monthBefore = LocalDate.now(clock);
        answer(happy, 10);
        answer(happy, 9);
        answer(unhappy, 2);
        clock.reset();
        SecurityContextHolder.clearContext();
        SystemUser.call(() -> rebuilds.rebuild(monthBefore.withDayOfMonth(1), today));

        logIn(executive.username(), PASSWORD);
        browser.get(url("/kpi"));
        // typed: the store must be among the first items however many units the database holds
        visible(browser, By.cssSelector("#kpi-unit input")).sendKeys(testUsers.unitCode(staff.unitId()));
        pick(browser, "vaadin-combo-box-item", testUsers.unitCode(staff.unitId()));
        waitFor(browser).until(d -> npsTile().equals("100"));

        WebElement day = visible(browser, By.cssSelector("#kpi-period-day input"));
        day.sendKeys(Keys.chord(Keys.CONTROL, "a"), monthBefore.format(DateTimeFormatter.ofPattern("M/d/yyyy")), Keys.ENTER);
        waitFor(browser).until(d -> npsTile().equals("33.3"));

        Chromium.screenshot(browser, "kpi-executive-board");
        visible(browser, By.id("drill-detractors")).click();
        waitFor(browser).until(d -> cells().contains(unhappy.name()));
        assertThat(cells()).contains("2").doesNotContain(happy.name());
    }

    private void answer(CustomerDetails customer, int score) {
        FeedbackForm form = new FeedbackForm();
        form.setCustomerId(customer.id());
        form.setKind(FeedbackKind.NPS);
        form.setScore(score);
        feedback.record(form);
    }

    /** The NPS tile's value, or "" while the board is being redrawn (the tiles are replaced on every change). */
    private String npsTile() {
        try {
            List<WebElement> value = browser.findElements(By.cssSelector("#tile-NPS .kpi-value"));
            return value.isEmpty() ? "" : value.getFirst().getText();
        } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
            return "";
        }
    }

    private List<String> cells() {
        try {
            return browser.findElements(By.cssSelector("#kpi-answers vaadin-grid-cell-content")).stream().map(WebElement::getText).toList();
        } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
            return List.of();
        }
    }
}
