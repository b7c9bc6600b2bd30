package io.escalera.interaction.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "interaction_reason")
public class ReasonEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "interaction_reason_seq")
    @SequenceGenerator(name = "interaction_reason_seq", sequenceName = "interaction_reason_seq", allocationSize = 50)
    private Long id;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private boolean retired;
    @Version
    private long version;

    public Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public boolean isRetired() { return retired; }
    public void setRetired(boolean retired) { this.retired = retired; }
    public long getVersion() { return version; }
}
