package io.escalera.customer.internal;

import io.escalera.customer.AcquisitionChannel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;

@Entity
@Table(name = "customer")
public class CustomerEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_seq")
    @SequenceGenerator(name = "customer_seq", sequenceName = "customer_seq", allocationSize = 50)
    private Long id;

    @Column(name = "external_code", nullable = false)
    private String externalCode;
    @Column(nullable = false)
    private String name;
    @Column(name = "name_search", nullable = false)
    private String nameSearch;
    private String email;
    private String phone;
    @Column(name = "phone_digits")
    private String phoneDigits;
    @Column(name = "phone_national")
    private String phoneNational;
    @Column(name = "phone_reversed")
    private String phoneReversed;
    @Column(name = "birth_date")
    private LocalDate birthDate;
    @Column(name = "home_unit_id", nullable = false)
    private Long homeUnitId;
    @Enumerated(EnumType.STRING)
    @Column(name = "acquisition_channel", nullable = false)
    private AcquisitionChannel acquisitionChannel;
    @Column(name = "survey_consent", nullable = false)
    private boolean surveyConsent;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_by")
    private String updatedBy;
    @Version
    private long version;

    public Long getId() { return id; }
    public String getExternalCode() { return externalCode; }
    public void setExternalCode(String externalCode) { this.externalCode = externalCode; }
    public String getName() { return name; }
    public String getNameSearch() { return nameSearch; }
    public void setName(String name) {
        this.name = name;
        this.nameSearch = SearchText.normalise(name);
    }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(Phones.Phone phone) {
        this.phone = phone == null ? null : phone.e164();
        this.phoneDigits = phone == null ? null : phone.digits();
        this.phoneNational = phone == null ? null : phone.national();
        this.phoneReversed = phone == null ? null : phone.reversed();
    }
    public LocalDate getBirthDate() { return birthDate; }
    public void setBirthDate(LocalDate birthDate) { this.birthDate = birthDate; }
    public Long getHomeUnitId() { return homeUnitId; }
    public void setHomeUnitId(Long homeUnitId) { this.homeUnitId = homeUnitId; }
    public AcquisitionChannel getAcquisitionChannel() { return acquisitionChannel; }
    public void setAcquisitionChannel(AcquisitionChannel acquisitionChannel) { this.acquisitionChannel = acquisitionChannel; }
    public boolean isSurveyConsent() { return surveyConsent; }
    public void setSurveyConsent(boolean surveyConsent) { this.surveyConsent = surveyConsent; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public String getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(String updatedBy) { this.updatedBy = updatedBy; }
    public long getVersion() { return version; }
}
