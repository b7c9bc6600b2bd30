package io.escalera.customer;

import io.escalera.admin.Unit;
import io.escalera.admin.UnitForm;
import io.escalera.admin.UnitKind;
import io.escalera.admin.UnitService;
import io.escalera.security.Role;
import io.escalera.security.SystemUser;
import io.escalera.security.UserAccount;
import io.escalera.security.UserAdministration;
import io.escalera.security.UserForm;
import io.escalera.shared.ConcurrentEditException;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.NotFoundException;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@EscaleraTest
class CustomerServiceTest {

    @Autowired CustomerService customers;
    @Autowired UnitService units;
    @Autowired UserAdministration users;
    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void searchIgnoresAccentsAndCaseAndFindsAnyWordOfTheName() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        String unique = "Zqx" + UUID.randomUUID().toString().substring(0, 5).replaceAll("\\d", "k");
        CustomerDetails maria = testCustomers.newCustomer(staff.unitId(), "María " + unique + " García-López", null, null);
        testUsers.signIn(staff);

        // every query carries the unique word too, so that other customers named García cannot crowd the first page
        for (String typed : List.of("garcia " + unique, "GARCÍA " + unique.toUpperCase(), unique + " lopez",
                "maria " + unique.toLowerCase(), unique.substring(0, 4))) {
            assertThat(ids(typed)).as(typed).contains(maria.id());
        }
        assertThat(ids("garcio " + unique)).doesNotContain(maria.id());
    }

    @Test
    void theTypeaheadFindsTheBeginningOfANameAndWordsWithinIt() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        String unique = "Qzw" + UUID.randomUUID().toString().substring(0, 5).replaceAll("\\d", "m");
        CustomerDetails customer = testCustomers.newCustomer(staff.unitId(), unique + " Ñúñez Castro", null, null);
        testUsers.signIn(staff);

        for (String typed : List.of(unique.substring(0, 3), unique, unique.toLowerCase() + " nunez", "castro " + unique)) {
            assertThat(customers.typeahead(typed, 0, 20)).as(typed).extracting(CustomerSummary::id).contains(customer.id());
        }
    }

    @Test
    void theTypeaheadListsNamesStartingWithTheTextInNameOrderWithinTheUsersUnits() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        UserAccount elsewhere = testUsers.newUser(Role.STAFF);
        String unique = "Qzy" + UUID.randomUUID().toString().substring(0, 5).replaceAll("\\d", "k");
        CustomerDetails gamma = testCustomers.newCustomer(staff.unitId(), unique + " Gamma", null, null);
        CustomerDetails alpha = testCustomers.newCustomer(staff.unitId(), unique + " Alpha", null, null);
        CustomerDetails beta = testCustomers.newCustomer(staff.unitId(), unique + " Beta", null, null);
        CustomerDetails other = testCustomers.newCustomer(elsewhere.unitId(), unique + " Aardvark", null, null);
        testUsers.signIn(staff);

        assertThat(customers.typeahead(unique, 0, 2)).extracting(CustomerSummary::id).containsExactly(alpha.id(), beta.id());
        assertThat(customers.typeahead(unique, 2, 2)).extracting(CustomerSummary::id).containsExactly(gamma.id());
        assertThat(customers.typeahead(unique.toLowerCase() + " b", 0, 20)).extracting(CustomerSummary::id).first()
                .as("the name that starts with what was typed comes first").isEqualTo(beta.id());
        assertThat(customers.typeahead(unique, 0, 20)).extracting(CustomerSummary::id).doesNotContain(other.id());
    }

    @Test
    void theTypeaheadFindsAWordInsideTheNameAndFollowsARename() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        String surname = "Zqx" + UUID.randomUUID().toString().substring(0, 6).replaceAll("\\d", "j");
        CustomerDetails customer = testCustomers.newCustomer(staff.unitId(), "Ana " + surname + " Ruiz", null, null);
        testUsers.signIn(staff);
        assertThat(customers.typeahead(surname.substring(0, 5).toLowerCase(), 0, 20)).extracting(CustomerSummary::id).contains(customer.id());

        String newSurname = "Wyv" + UUID.randomUUID().toString().substring(0, 6).replaceAll("\\d", "j");
        CustomerForm renamed = CustomerForm.of(customer);
        renamed.setName("Ana " + newSurname);
        customers.update(customer.id(), renamed);
        assertThat(customers.typeahead(newSurname.substring(0, 5), 0, 20)).extracting(CustomerSummary::id).contains(customer.id());
        assertThat(customers.typeahead(surname.substring(0, 5), 0, 20)).extracting(CustomerSummary::id).doesNotContain(customer.id());
    }

    @Test
    void phonesAreStoredInE164AndFoundByAnyPartTypedInAnyFormat() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        String national = "6" + (10_000_000 + (int) (Math.random() * 89_999_999));
        CustomerDetails customer = testCustomers.newCustomer(staff.unitId(), "Phone Person", null,
                national.substring(0, 3) + " " + national.substring(3, 6) + "-" + national.substring(6));
        testUsers.signIn(staff);

        assertThat(customer.phone()).isEqualTo("+34" + national);
        assertThat(ids("+34 " + national)).contains(customer.id());
        assertThat(ids(national.substring(0, 3) + " " + national.substring(3, 5))).contains(customer.id());
        assertThat(ids(national.substring(national.length() - 5))).as("last digits").contains(customer.id());
        assertThat(ids("(" + national.substring(0, 3) + ") " + national.substring(3))).contains(customer.id());
    }

    @Test
    void emailAndCodeAreFoundByTheirBeginning() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        String mail = "ana." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        CustomerDetails customer = testCustomers.newCustomer(staff.unitId(), "Ana Email", mail.toUpperCase(), null);
        testUsers.signIn(staff);

        assertThat(customer.email()).isEqualTo(mail);
        assertThat(ids(mail.substring(0, 12))).contains(customer.id());
        assertThat(ids(mail.substring(0, 12) + "@")).contains(customer.id());
        assertThat(ids(mail.substring(0, 12) + "x@")).isEmpty();
        assertThat(ids(customer.externalCode().substring(0, 8))).contains(customer.id());
    }

    @Test
    void badInputIsReportedPerFieldAndDuplicatesOfCodeOrEmailAreRefused() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails existing = testCustomers.newCustomer(staff.unitId(), "Existing", "taken-" + UUID.randomUUID() + "@x.org", null);
        testUsers.signIn(staff);
        CustomerForm form = new CustomerForm();
        form.setExternalCode(existing.externalCode());
        form.setName("New One");
        form.setEmail(existing.email().toUpperCase());
        form.setPhone("12");
        form.setBirthDate(LocalDate.now().plusDays(1));
        form.setHomeUnitId(staff.unitId());

        assertThatThrownBy(() -> customers.create(form)).isInstanceOfSatisfying(FieldErrorsException.class,
                e -> assertThat(e.errors()).extracting(FieldErrorsException.FieldError::messageKey).containsExactlyInAnyOrder(
                        "customer.code.taken", "customer.email.taken", "customer.phone.invalid", "customer.birth-date.future"));
    }

    @Test
    void staffSeeOnlyTheirUnitAndACustomerOfAnotherUnitIsNotFound() {
        UserAccount staffA = testUsers.newUser(Role.STAFF);
        UserAccount staffB = testUsers.newUser(Role.STAFF);
        CustomerDetails ofB = testCustomers.newCustomer(staffB.unitId(), "Only In B " + UUID.randomUUID(), null, null);
        testUsers.signIn(staffA);

        assertThat(ids(ofB.externalCode())).isEmpty();
        assertThatThrownBy(() -> customers.get(ofB.id())).isInstanceOf(NotFoundException.class);
        CustomerForm edit = CustomerForm.of(SystemUser.call(() -> customers.get(ofB.id())));
        assertThatThrownBy(() -> customers.update(ofB.id(), edit)).isInstanceOf(NotFoundException.class);

        testUsers.signIn(testUsers.newUser(Role.EXECUTIVE));
        assertThat(ids(ofB.externalCode())).containsExactly(ofB.id());
    }

    @Test
    void onlyStaffGivenTheRightMayWidenTheirListToAllUnits() {
        UserAccount elsewhere = testUsers.newUser(Role.STAFF);
        CustomerDetails farAway = testCustomers.newCustomer(elsewhere.unitId(), "Far Away " + UUID.randomUUID(), null, null);
        CustomerSearch widened = new CustomerSearch(farAway.externalCode(), null, null, null, null, true);

        testUsers.signIn(testUsers.newUser(Role.STAFF, false));
        assertThat(customers.mayWidenToAllUnits()).isFalse();
        assertThat(customers.search(widened, Sort.unsorted(), 0, 10)).isEmpty();

        testUsers.signIn(testUsers.newUser(Role.STAFF, true));
        assertThat(customers.mayWidenToAllUnits()).isTrue();
        assertThat(ids(farAway.externalCode())).as("own unit by default").isEmpty();
        assertThat(customers.search(widened, Sort.unsorted(), 0, 10)).extracting(CustomerSummary::id).containsExactly(farAway.id());
        assertThat(customers.get(farAway.id()).id()).isEqualTo(farAway.id());
    }

    @Test
    void aRegionalManagerSeesTheStoresOfTheRegion() {
        Unit region = SystemUser.call(() -> units.create(UnitForm.of("R" + code(), "Region", UnitKind.REGION, null)));
        Unit store = SystemUser.call(() -> units.create(UnitForm.of("S" + code(), "Store", UnitKind.STORE, region.id())));
        CustomerDetails inStore = testCustomers.newCustomer(store.id());
        UserForm manager = new UserForm();
        manager.setUsername("rm-" + code());
        manager.setDisplayName("Regional manager");
        manager.setRole(Role.MANAGER);
        manager.setUnitId(region.id());
        manager.setPassword(TestUsers.PASSWORD);
        testUsers.signIn(SystemUser.call(() -> users.create(manager)));

        assertThat(customers.get(inStore.id()).id()).isEqualTo(inStore.id());
        assertThat(customers.search(new CustomerSearch(null, store.id(), null, null, null), Sort.unsorted(), 0, 10))
                .extracting(CustomerSummary::id).containsExactly(inStore.id());
    }

    @Test
    void twoEditsOfTheSameVersionConflictAndTheFirstIsKept() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails customer = testCustomers.newCustomer(staff.unitId());
        testUsers.signIn(staff);
        CustomerForm first = CustomerForm.of(customer);
        CustomerForm second = CustomerForm.of(customer);
        first.setName("First Editor Wins");
        customers.update(customer.id(), first);
        second.setName("Second Editor");

        assertThatThrownBy(() -> customers.update(customer.id(), second)).isInstanceOfSatisfying(ConcurrentEditException.class,
                e -> assertThat(e.changedBy()).isEqualTo(staff.username()));
        assertThat(customers.get(customer.id()).name()).isEqualTo("First Editor Wins");
    }

    @Test
    void possibleDuplicatesAreTheSameEmailOrPhoneOrTheSameNameInTheUnit() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        String mail = "dup-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        CustomerDetails existing = testCustomers.newCustomer(staff.unitId(), "Íñigo Duplicado", mail, null);
        testUsers.signIn(staff);

        CustomerForm sameMail = new CustomerForm();
        sameMail.setEmail(mail.toUpperCase());
        assertThat(customers.possibleDuplicates(sameMail, null)).extracting(PossibleDuplicate::id, PossibleDuplicate::reason)
                .contains(org.assertj.core.groups.Tuple.tuple(existing.id(), "duplicate.same-email"));

        CustomerForm sameName = new CustomerForm();
        sameName.setName("inigo  DUPLICADO");
        sameName.setHomeUnitId(staff.unitId());
        assertThat(customers.possibleDuplicates(sameName, null)).extracting(PossibleDuplicate::reason).contains("duplicate.similar-name");
        assertThat(customers.possibleDuplicates(sameName, existing.id())).isEmpty();
    }

    private List<Long> ids(String text) {
        return customers.search(CustomerSearch.text(text), Sort.by("name"), 0, 50).stream().map(CustomerSummary::id).toList();
    }


    private static String code() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
