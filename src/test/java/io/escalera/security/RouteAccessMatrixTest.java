package io.escalera.security;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Route;
import io.escalera.admin.ui.AuditLogView;
import io.escalera.admin.ui.SettingsView;
import io.escalera.admin.ui.UnitsView;
import io.escalera.admin.ui.UsersView;
import io.escalera.security.ui.LoginView;
import io.escalera.shared.ui.HomeView;
import io.escalera.support.BrowserlessApp;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestComplaints;
import io.escalera.complaint.ui.ComplaintSettingsView;
import io.escalera.complaint.ui.ComplaintView;
import io.escalera.complaint.ui.ComplaintsView;
import io.escalera.complaint.ui.RootCausesView;
import io.escalera.feedback.ui.LoopFollowUpsView;
import io.escalera.kpi.ui.KpiBoardsView;
import io.escalera.kpi.ui.KpiTargetsView;
import io.escalera.loyalty.ui.LadderReportsView;
import io.escalera.value.ui.AtRiskView;
import io.escalera.value.ui.LtvCalculatorView;
import io.escalera.value.ui.ValueMatrixView;
import io.escalera.value.ui.ValueRulesView;
import io.escalera.loyalty.ui.LadderRulesView;
import io.escalera.feedback.ui.OutboxView;
import io.escalera.feedback.ui.InvitationRulesView;
import io.escalera.feedback.ui.SurveyView;
import io.escalera.support.TestUsers;
import io.escalera.customer.ui.CustomerView;
import io.escalera.customer.ui.CustomersView;
import io.escalera.customer.ui.OrdersView;
import io.escalera.interaction.ui.FollowUpsView;
import io.escalera.interaction.ui.InteractionsView;
import io.escalera.interaction.ui.ReasonsView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One table of every route and the roles allowed to open it. Each allowed role can open it; every other role and an
 * anonymous visitor cannot. A new route fails this test until it is added to the table.
 */
@EscaleraTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteAccessMatrixTest {

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);

    private static final Map<Class<? extends Component>, Set<Role>> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put(HomeView.class, EVERYONE);
        ALLOWED.put(io.escalera.security.ui.ChangePasswordView.class, EVERYONE);
        ALLOWED.put(CustomersView.class, EVERYONE);
        ALLOWED.put(CustomerView.class, EVERYONE);
        ALLOWED.put(OrdersView.class, EVERYONE);
        ALLOWED.put(FollowUpsView.class, EnumSet.of(Role.STAFF, Role.MANAGER));
        ALLOWED.put(InteractionsView.class, EnumSet.of(Role.MANAGER, Role.EXECUTIVE, Role.ADMIN));
        ALLOWED.put(ReasonsView.class, EnumSet.of(Role.MANAGER, Role.ADMIN));
        ALLOWED.put(ComplaintsView.class, EVERYONE);
        ALLOWED.put(ComplaintView.class, EVERYONE);
        ALLOWED.put(RootCausesView.class, EnumSet.of(Role.MANAGER, Role.ADMIN));
        ALLOWED.put(ComplaintSettingsView.class, EnumSet.of(Role.MANAGER, Role.ADMIN));
        ALLOWED.put(LoopFollowUpsView.class, EVERYONE);
        ALLOWED.put(OutboxView.class, EnumSet.of(Role.STAFF, Role.MANAGER));
        ALLOWED.put(InvitationRulesView.class, EnumSet.of(Role.MANAGER, Role.ADMIN));
        ALLOWED.put(LadderRulesView.class, EnumSet.of(Role.MANAGER, Role.ADMIN));
        ALLOWED.put(LadderReportsView.class, EnumSet.of(Role.MANAGER, Role.EXECUTIVE, Role.ADMIN));
        ALLOWED.put(KpiBoardsView.class, EnumSet.of(Role.STAFF, Role.MANAGER, Role.EXECUTIVE, Role.ADMIN));
        ALLOWED.put(KpiTargetsView.class, EnumSet.of(Role.MANAGER, Role.ADMIN));
        ALLOWED.put(ValueMatrixView.class, EnumSet.of(Role.MANAGER, Role.EXECUTIVE, Role.ADMIN));
        ALLOWED.put(AtRiskView.class, EnumSet.of(Role.MANAGER, Role.ADMIN));
        ALLOWED.put(LtvCalculatorView.class, EVERYONE);
        ALLOWED.put(ValueRulesView.class, EnumSet.of(Role.MANAGER, Role.ADMIN));
        ALLOWED.put(UsersView.class, EnumSet.of(Role.ADMIN));
        ALLOWED.put(UnitsView.class, EnumSet.of(Role.ADMIN));
        ALLOWED.put(SettingsView.class, EnumSet.of(Role.ADMIN));
        ALLOWED.put(AuditLogView.class, EnumSet.of(Role.ADMIN));
        ALLOWED.put(io.escalera.admin.ui.ApiTokensView.class, EnumSet.of(Role.ADMIN));
        ALLOWED.put(io.escalera.admin.ui.JobsView.class, EnumSet.of(Role.ADMIN));
        ALLOWED.put(io.escalera.exchange.ui.WebhooksView.class, EnumSet.of(Role.ADMIN));
        ALLOWED.put(io.escalera.exchange.ui.ImportView.class, EnumSet.of(Role.MANAGER, Role.ADMIN));
        ALLOWED.put(io.escalera.feedback.ui.AnswersView.class, EnumSet.of(Role.MANAGER, Role.EXECUTIVE, Role.ADMIN));
    }

    @Autowired ApplicationContext spring;
    @Autowired TestUsers testUsers;

    private BrowserlessApp app;
    @Autowired TestCustomers testCustomers;

    private final Map<Role, Authentication> users = new EnumMap<>(Role.class);
    /** For routes with a parameter: a customer in each role user's own unit. */
    private final Map<Role, Long> customerOf = new EnumMap<>(Role.class);
    /** For the case page: a case of a customer in each role user's own unit. */
    private final Map<Role, Long> complaintOf = new EnumMap<>(Role.class);
    @Autowired TestComplaints testComplaints;

    @BeforeAll
    void startVaadin() {
        app = new BrowserlessApp(spring);
        for (Role role : Role.values()) {
            var user = testUsers.newUser(role);
            users.put(role, testUsers.authenticationOf(user));
            var customer = testCustomers.newCustomer(user.unitId());
            customerOf.put(role, customer.id());
            complaintOf.put(role, testComplaints.openFor(customer).id());
        }
    }

    @AfterAll
    void stopVaadin() {
        app.close();
    }

    @Test
    void theTableCoversEveryRouteOfTheApplication() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Set<String> routes = scanner.findCandidateComponents("io.escalera").stream().map(b -> b.getBeanClassName())
                .filter(name -> !name.equals(LoginView.class.getName()) && !name.equals(SurveyView.class.getName()))
                .collect(Collectors.toSet());
        assertThat(ALLOWED.keySet().stream().map(Class::getName).collect(Collectors.toSet())).containsExactlyInAnyOrderElementsOf(routes);
    }

    @Test
    void eachRoleOpensExactlyTheRoutesTheTableAllowsIt() {
        for (Role role : Role.values()) {
            for (var route : ALLOWED.entrySet()) {
                long parameter = route.getKey() == ComplaintView.class ? complaintOf.get(role) : customerOf.get(role);
                boolean opened = opens(users.get(role), route.getKey(), parameter);
                assertThat(opened).as("%s opening %s", role, route.getKey().getSimpleName()).isEqualTo(route.getValue().contains(role));
            }
        }
    }

    @Test
    void anAnonymousVisitorIsSentToTheLoginPageFromEveryRoute() {
        Authentication anonymous = new AnonymousAuthenticationToken("key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        for (var route : ALLOWED.keySet()) {
            BrowserlessUIContext window = app.windowOf(anonymous);
            try {
                if (com.vaadin.flow.router.HasUrlParameter.class.isAssignableFrom(route)) {
                    window.navigate(route == ComplaintView.class ? "complaints/case/" + complaintOf.get(Role.ADMIN)
                            : "customers/" + customerOf.get(Role.ADMIN), Component.class);
                } else {
                    window.navigate(route);
                }
            } catch (RuntimeException refused) {
                // refused navigation is what we expect; where it lands is checked below
            }
            assertThat(window.getCurrentView()).as(route.getSimpleName()).isInstanceOf(LoginView.class);
        }
    }

    @Test
    void theMenuShowsOnlyWhatTheRoleMayOpen() {
        assertThat(menuOf(Role.STAFF)).contains("Home", "Customers", "Orders", "My follow-ups")
                .contains("Complaints")
                .doesNotContain("Users", "Units", "Settings", "Audit log", "Jobs", "Interactions", "Contact reasons", "Root causes", "Complaint rules");
        assertThat(menuOf(Role.EXECUTIVE)).doesNotContain("Users", "Settings", "Jobs");
        assertThat(menuOf(Role.MANAGER)).doesNotContain("Jobs");
        assertThat(menuOf(Role.ADMIN)).contains("Home", "Users", "Units", "Settings", "Audit log", "Jobs");
    }

    private Set<String> menuOf(Role role) {
        BrowserlessUIContext window = app.windowOf(users.get(role));
        window.getUI().setLocale(java.util.Locale.ENGLISH);
        window.navigate(HomeView.class);
        return window.find(SideNavItem.class).all().stream().map(SideNavItem::getLabel).collect(Collectors.toSet());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean opens(Authentication authentication, Class<? extends Component> route, long customerId) {
        BrowserlessUIContext window = app.windowOf(authentication);
        try {
            if (com.vaadin.flow.router.HasUrlParameter.class.isAssignableFrom(route)) {
                window.navigate((Class) route, customerId);
            } else {
                window.navigate(route);
            }
        } catch (RuntimeException refused) {
            return false;
        }
        return route.isInstance(window.getCurrentView());
    }
}
