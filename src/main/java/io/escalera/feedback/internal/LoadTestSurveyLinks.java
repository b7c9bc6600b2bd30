package io.escalera.feedback.internal;

import io.escalera.customer.CustomerSearch;
import io.escalera.customer.CustomerService;
import io.escalera.customer.CustomerSummary;
import io.escalera.feedback.FeedbackKind;
import io.escalera.feedback.SurveyService;
import io.escalera.feedback.Touchpoint;
import io.escalera.shared.DemoProperties;
import io.escalera.shared.Settings;
import io.escalera.security.SystemUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.data.domain.Sort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Load-test preparation, second step (demo databases only, {@code --escalera.load.prepare=true}, after admin's
 * LoadTestSetup made the minting manager): single-use survey links for consenting customers of every unit, made
 * through {@link SurveyService#createLink} as that manager, their tokens written one a line to
 * {@code <escalera.load.output>/survey-links.csv} (only hashes are stored, so this is the one chance to keep them);
 * and the survey page's per-address limit raised to {@code escalera.load.survey-requests-per-minute} (default
 * 1,000,000), since a load generator sends every respondent from one address.
 */
@Component
class LoadTestSurveyLinks {

    private static final Logger log = LoggerFactory.getLogger(LoadTestSurveyLinks.class);

    private final SurveyService surveys;
    private final CustomerService customers;
    private final UserDetailsService userDetails;
    private final Settings settings;
    private final DemoProperties demo;
    private final Environment environment;

    LoadTestSurveyLinks(SurveyService surveys, CustomerService customers, UserDetailsService userDetails, Settings settings,
                        DemoProperties demo, Environment environment) {
        this.surveys = surveys;
        this.customers = customers;
        this.userDetails = userDetails;
        this.settings = settings;
        this.demo = demo;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(31)
    void prepare() throws IOException {
        if (!demo.enabled() || !environment.getProperty("escalera.load.prepare", Boolean.class, false)) {
            return;
        }
        int wanted = environment.getProperty("escalera.load.survey-links", Integer.class, 3000);
        Path output = Path.of(environment.getProperty("escalera.load.output", "./data/load"));
        Files.createDirectories(output);
        SystemUser.run(() -> settings.put(SurveyService.REQUESTS_PER_MINUTE,
                environment.getProperty("escalera.load.survey-requests-per-minute", "1000000")));
        UserDetails minter = userDetails.loadUserByUsername(environment.getProperty("escalera.load.survey-link-minter", "load-minter"));
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(minter, null, minter.getAuthorities()));
        SecurityContextHolder.setContext(context);
        List<String> tokens = new ArrayList<>();
        try {
            CustomerSearch everyone = new CustomerSearch(null, null, null, null, null, true, null);
            for (long offset = 0; tokens.size() < wanted; offset += 500) {
                List<CustomerSummary> page = customers.search(everyone, Sort.unsorted(), offset, 500);
                if (page.isEmpty()) {
                    break;
                }
                for (CustomerSummary customer : page) {
                    if (tokens.size() < wanted && customers.get(customer.id()).surveyConsent()) {
                        tokens.add(surveys.createLink(customer.id(), EnumSet.of(FeedbackKind.NPS), Touchpoint.RELATIONSHIP,
                                Locale.ENGLISH, null, null).token());
                    }
                }
            }
        } finally {
            SecurityContextHolder.setContext(previous);
        }
        List<String> lines = new ArrayList<>();
        lines.add("token");
        lines.addAll(tokens);
        Files.write(output.resolve("survey-links.csv"), lines, StandardCharsets.UTF_8);
        log.info("Load test: {} survey links written to {}", tokens.size(), output.resolve("survey-links.csv").toAbsolutePath());
    }
}
