package io.escalera.interaction.internal;

import io.escalera.shared.RetirableName;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A contact reason of the company-wide list. */
@Entity
@Table(name = "interaction_reason")
public class ReasonEntity extends RetirableName {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "interaction_reason_seq")
    @SequenceGenerator(name = "interaction_reason_seq", sequenceName = "interaction_reason_seq", allocationSize = 50)
    private Long id;

    protected ReasonEntity() {
    }

    public ReasonEntity(String name) {
        super(name);
    }

    @Override
    public Long getId() {
        return id;
    }
}
