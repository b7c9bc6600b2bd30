package io.escalera.customer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** What staff type to create or edit a customer; the service normalises and re-checks it. */
public class CustomerForm {

    @NotBlank
    @Size(max = 40)
    @Pattern(regexp = "[A-Za-z0-9._/-]+")
    private String externalCode;

    @NotBlank
    @Size(max = 160)
    private String name;

    @Email
    @Size(max = 200)
    private String email;

    @Size(max = 30)
    private String phone;

    @PastOrPresent
    private LocalDate birthDate;

    @NotNull
    private Long homeUnitId;

    @NotNull
    private AcquisitionChannel acquisitionChannel = AcquisitionChannel.STORE;

    private boolean surveyConsent;

    private long version;

    public static CustomerForm of(CustomerDetails customer) {
        CustomerForm form = new CustomerForm();
        form.externalCode = customer.externalCode();
        form.name = customer.name();
        form.email = customer.email();
        form.phone = customer.phone();
        form.birthDate = customer.birthDate();
        form.homeUnitId = customer.homeUnitId();
        form.acquisitionChannel = customer.acquisitionChannel();
        form.surveyConsent = customer.surveyConsent();
        form.version = customer.version();
        return form;
    }

    public String getExternalCode() { return externalCode; }
    public void setExternalCode(String externalCode) { this.externalCode = externalCode == null ? null : externalCode.trim(); }
    public String getName() { return name; }
    public void setName(String name) { this.name = name == null ? null : name.trim().replaceAll("\\s+", " "); }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email == null || email.isBlank() ? null : email.trim(); }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone == null || phone.isBlank() ? null : phone.trim(); }
    public LocalDate getBirthDate() { return birthDate; }
    public void setBirthDate(LocalDate birthDate) { this.birthDate = birthDate; }
    public Long getHomeUnitId() { return homeUnitId; }
    public void setHomeUnitId(Long homeUnitId) { this.homeUnitId = homeUnitId; }
    public AcquisitionChannel getAcquisitionChannel() { return acquisitionChannel; }
    public void setAcquisitionChannel(AcquisitionChannel acquisitionChannel) { this.acquisitionChannel = acquisitionChannel; }
    public boolean isSurveyConsent() { return surveyConsent; }
    public void setSurveyConsent(boolean surveyConsent) { this.surveyConsent = surveyConsent; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
}
