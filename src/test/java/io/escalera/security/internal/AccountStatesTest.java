package io.escalera.security.internal;

import io.escalera.security.OwnPassword;
import io.escalera.security.Role;
import io.escalera.security.UserAccount;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestUsers;
import io.escalera.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 30: the session guard's view of the accounts is kept in memory (a signed-in request needs no connection), yet a
 * change made on this node ends the sessions at their next request (SessionsFollowTheAccountTest), and a change made
 * on another node — straight in the database, as far as this node can tell — is seen once the TTL has passed.
 */
@EscaleraTest
class AccountStatesTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired TestUsers testUsers;
    @Autowired UserDetailsService userDetails;
    @Autowired OwnPassword ownPassword;
    @Autowired AccountStates accountStates;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anAccountDisabledOnAnotherNodeIsSeenHereOnceTheTtlHasPassed() throws Exception {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        AccountStates node = new AccountStates(jdbc, Duration.ofSeconds(3));
        Optional<Integer> stamp = node.stampOfEnabled(staff.id());
        assertThat(stamp).isPresent();

        // another node disables the account: this node does not hear of it
        jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE id = ?").param(staff.id()).update();
        assertThat(node.stampOfEnabled(staff.id())).as("within the TTL: from memory, no query").isEqualTo(stamp);

        Thread.sleep(3_100);
        assertThat(node.stampOfEnabled(staff.id())).as("after the TTL: read again, disabled").isEmpty();
    }

    @Test
    void aChangeOnThisNodeIsSeenAtOnceAndAReadItOvertookIsNotKept() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        AccountStates node = new AccountStates(jdbc, Duration.ofMinutes(10));
        assertThat(node.stampOfEnabled(staff.id())).isPresent();
        jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE id = ?").param(staff.id()).update();
        node.changed(staff.id());
        assertThat(node.stampOfEnabled(staff.id())).isEmpty();
    }

    @Test
    void oneReadServesEveryAccountWhoseEntryIsOld() throws Exception {
        UserAccount first = testUsers.newUser(Role.STAFF);
        UserAccount second = testUsers.newUser(Role.STAFF);
        AccountStates node = new AccountStates(jdbc, Duration.ofSeconds(2));
        assertThat(node.stampOfEnabled(first.id())).isPresent();
        assertThat(node.stampOfEnabled(second.id())).isPresent();
        Thread.sleep(2_100);

        jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE id = ?").param(second.id()).update();
        assertThat(node.stampOfEnabled(first.id())).as("the first account's request reads both").isPresent();
        jdbc.sql("UPDATE app_user SET enabled = TRUE WHERE id = ?").param(second.id()).update();
        assertThat(node.stampOfEnabled(second.id())).as("the second account, as read along with the first").isEmpty();
    }

    /** Before issue 30's change, a new password of one's own left the user's other sessions signed in. */
    @Test
    void changingOnesOwnPasswordEndsOnesOtherSessionsAndKeepsThisOne() throws Exception {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        WebClient otherBrowser = new WebClient(port);
        otherBrowser.login(staff.username(), TestUsers.PASSWORD);
        assertThat(otherBrowser.get("/").statusCode()).isEqualTo(200);

        EscaleraUserDetails thisSession = (EscaleraUserDetails) userDetails.loadUserByUsername(staff.username());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(thisSession, null, thisSession.getAuthorities()));
        ownPassword.change(TestUsers.PASSWORD, "a-new-password-of-mine", "a-new-password-of-mine");

        assertThat(WebClient.toLogin(otherBrowser.get("/"))).as("the other session ended").isTrue();
        assertThat(accountStates.stampOfEnabled(staff.id())).as("this session's stamp is the account's: it stays signed in")
                .contains(thisSession.sessionStamp());
    }
}
