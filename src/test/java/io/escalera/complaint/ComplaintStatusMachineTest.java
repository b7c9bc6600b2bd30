package io.escalera.complaint;

import io.escalera.customer.CustomerDetails;
import io.escalera.security.Role;
import io.escalera.security.UserAccount;
import io.escalera.shared.ActionRefusedException;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestComplaints;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based: random sequences of actions against the real service and database. Whatever is asked, a case only
 * ever takes the moves of the brief's machine, a refused action changes nothing, and the history replays to the
 * current status.
 */
@EscaleraTest
class ComplaintStatusMachineTest {

    /** The brief's machine, written out independently of {@link ComplaintStatus#next()}. */
    private static final List<String> LEGAL = List.of("NEW>ASSIGNED", "ASSIGNED>IN_PROGRESS", "IN_PROGRESS>WAITING_CUSTOMER",
            "WAITING_CUSTOMER>IN_PROGRESS", "IN_PROGRESS>RESOLVED", "WAITING_CUSTOMER>RESOLVED", "RESOLVED>CLOSED",
            "RESOLVED>REOPENED", "CLOSED>REOPENED", "REOPENED>IN_PROGRESS");
    private static final int SEQUENCES = 12;
    private static final int STEPS = 14;

    @Autowired ComplaintService complaints;
    @Autowired RootCauseService rootCauses;
    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void randomActionSequencesOnlyEverMakeLegalMovesAndTheHistoryReplaysToTheCurrentStatus() {
        UserAccount manager = testUsers.newUser(Role.MANAGER);
        CustomerDetails customer = testCustomers.newCustomer(manager.unitId());
        testUsers.signIn(manager);
        long rootCause = rootCauses.choosable().getFirst().id();
        Random random = new Random(20261123L);
        Set<ComplaintStatus> reached = EnumSet.noneOf(ComplaintStatus.class);
        int refused = 0;
        for (int sequence = 0; sequence < SEQUENCES; sequence++) {
            ComplaintDetails complaint = complaints.open(TestComplaints.form(customer, Severity.MEDIUM));
            List<String> moves = new ArrayList<>();
            for (int step = 0; step < STEPS; step++) {
                ComplaintStatus before = complaint.status();
                int action = random.nextInt(7);
                ComplaintStatus target = switch (action) {
                    case 0 -> ComplaintStatus.ASSIGNED;
                    case 1 -> ComplaintStatus.IN_PROGRESS;
                    case 2 -> ComplaintStatus.WAITING_CUSTOMER;
                    case 3 -> ComplaintStatus.RESOLVED;
                    case 4 -> ComplaintStatus.CLOSED;
                    case 5 -> ComplaintStatus.REOPENED;
                    default -> ComplaintStatus.values()[random.nextInt(ComplaintStatus.values().length)];
                };
                try {
                    ComplaintDetails current = complaint;
                    complaint = switch (target) {
                        case ASSIGNED -> complaints.take(current.id(), current.version());
                        case RESOLVED -> complaints.resolve(current.id(), current.version(), "Done", rootCause);
                        default -> complaints.move(current.id(), current.version(), target);
                    };
                } catch (ActionRefusedException e) {
                    refused++;
                    assertThat(complaints.get(complaint.id()).status()).as("a refused action changes nothing").isEqualTo(before);
                    assertThat(complaints.get(complaint.id()).version()).isEqualTo(complaint.version());
                    continue;
                }
                if (complaint.status() != before) {
                    moves.add(before + ">" + complaint.status());
                    assertThat(LEGAL).as("move %s>%s", before, complaint.status()).contains(before + ">" + complaint.status());
                }
                reached.add(complaint.status());
                assertThat(complaint.status() == ComplaintStatus.RESOLVED || complaint.status() == ComplaintStatus.CLOSED)
                        .as("resolved cases carry a resolution and root cause")
                        .isEqualTo(complaint.resolvedAt() != null && (complaint.status() != ComplaintStatus.NEW));
            }
            List<HistoryEntry> statusChanges = complaints.history(complaint.id()).stream().filter(h -> h.kind().equals("STATUS")).toList();
            ComplaintStatus replayed = ComplaintStatus.NEW;
            for (HistoryEntry change : statusChanges) {
                assertThat(change.fromValue()).as("history is a chain").isEqualTo(replayed.name());
                replayed = ComplaintStatus.valueOf(change.toValue());
            }
            assertThat(replayed).as("history replays to the current status").isEqualTo(complaint.status());
            assertThat(statusChanges).extracting(h -> h.fromValue() + ">" + h.toValue()).containsExactlyElementsOf(moves);
        }
        assertThat(refused).as("the random walk also tried illegal moves").isPositive();
        assertThat(reached).as("the random walk covered the machine").containsAll(EnumSet.of(ComplaintStatus.ASSIGNED,
                ComplaintStatus.IN_PROGRESS, ComplaintStatus.WAITING_CUSTOMER, ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED,
                ComplaintStatus.REOPENED));
    }
}
