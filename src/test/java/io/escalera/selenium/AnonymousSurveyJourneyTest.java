package io.escalera.selenium;

import io.escalera.customer.CustomerDetails;
import io.escalera.customer.CustomerService;
import io.escalera.feedback.FeedbackKind;
import io.escalera.feedback.SurveyLink;
import io.escalera.feedback.SurveyService;
import io.escalera.feedback.Touchpoint;
import io.escalera.security.Role;
import io.escalera.security.UserAccount;
import io.escalera.support.BrowserJourney;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.EnumSet;
import java.util.Locale;

import static io.escalera.support.Chromium.visible;
import static io.escalera.support.Chromium.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: an anonymous visitor opens a survey link, answers NPS 3 with a comment; a second visit is thanked
 * and refused; a MANAGER of the customer's unit then sees the follow-up in the closing-the-loop queue.
 */
class AnonymousSurveyJourneyTest extends BrowserJourney {

    private static final String PASSWORD = "correct-horse-battery";

    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;
    @Autowired CustomerService customers;
    @Autowired SurveyService surveys;

    @Test
    void aDetractorsAnswerOnTheSurveyPageLandsInTheManagersFollowUpQueue() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        UserAccount manager = testUsers.newUserIn(Role.MANAGER, staff.unitId());
        CustomerDetails customer = testCustomers.newConsentingCustomer(staff.unitId());
        testUsers.signIn(staff);
        SurveyLink link = surveys.createLink(customer.id(), EnumSet.of(FeedbackKind.NPS), Touchpoint.AFTER_PURCHASE, Locale.ENGLISH, null, null);
        SecurityContextHolder.clearContext();
        String comment = "The parcel was late and nobody called";

        browser.get(url("/" + link.path()));
        visible(browser, By.id("survey-nps-3")).click();
        visible(browser, By.cssSelector("#survey-comment textarea")).sendKeys(comment);
        visible(browser, By.id("survey-send")).click();
        waitFor(browser).until(ExpectedConditions.textToBe(By.id("survey-message"), "Thank you!"));
        assertThat(browser.getCurrentUrl()).doesNotContain("/login");

        browser.get(url("/" + link.path()));
        waitFor(browser).until(ExpectedConditions.textToBe(By.id("survey-message"), "Already answered — thank you!"));

        logIn(manager.username(), PASSWORD);
        browser.get(url("/feedback/follow-ups"));
        waitFor(browser).until(d -> d.findElements(By.cssSelector("#loop-grid vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).anyMatch(t -> t.contains(comment)));
        assertThat(browser.findElements(By.cssSelector("#loop-grid vaadin-grid-cell-content")).stream().map(WebElement::getText))
                .anyMatch(t -> t.equals(customer.name()))
                .anyMatch(t -> t.equals("Recommendation (NPS) 3"));
    }
}
