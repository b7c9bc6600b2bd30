package io.escalera.feedback.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.escalera.customer.CustomerDetails;
import io.escalera.customer.CustomerPageAction;
import io.escalera.feedback.FeedbackService;
import io.escalera.feedback.InvitationService;
import io.escalera.feedback.SurveyService;
import io.escalera.security.SignedInUsers;
import io.escalera.shared.GeneralSettingsService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** "Record score" and "Survey link" on the customer 360, for STAFF and MANAGER. */
@Configuration(proxyBeanMethods = false)
class FeedbackCustomerActions {

    @Bean
    CustomerPageAction recordScoreAction(FeedbackService feedback, SignedInUsers signedIn) {
        return new CustomerPageAction() {
            @Override
            public int order() {
                return 30;
            }

            @Override
            public Component create(CustomerDetails customer, Runnable refresh) {
                Button button = new Button();
                button.setText(button.getTranslation("feedback.record"));
                button.setIcon(VaadinIcon.STAR_O.create());
                button.setId("record-score");
                button.addClickListener(e -> new RecordScoreDialog(feedback, customer, null, null, refresh).open());
                button.setVisible(signedIn.isFrontLine());
                return button;
            }
        };
    }

    @Bean
    CustomerPageAction surveyLinkAction(SurveyService surveys, InvitationService invitations, GeneralSettingsService general,
                                          SignedInUsers signedIn) {
        return new CustomerPageAction() {
            @Override
            public int order() {
                return 40;
            }

            @Override
            public Component create(CustomerDetails customer, Runnable refresh) {
                Button button = new Button();
                button.setText(button.getTranslation("survey.link"));
                button.setIcon(VaadinIcon.LINK.create());
                button.setId("survey-link");
                button.addClickListener(e -> new SurveyLinkDialog(surveys, invitations, customer, general.defaultLanguage()).open());
                button.setVisible(signedIn.isFrontLine() && customer.surveyConsent());
                return button;
            }
        };
    }
}
