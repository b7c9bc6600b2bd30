package io.escalera.complaint.internal;

import io.escalera.shared.RetirableName;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A cause (no parent) or a sub-cause of the root-cause taxonomy; two levels at most. */
@Entity
@Table(name = "complaint_root_cause")
public class RootCauseEntity extends RetirableName {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "complaint_root_cause_seq")
    @SequenceGenerator(name = "complaint_root_cause_seq", sequenceName = "complaint_root_cause_seq", allocationSize = 50)
    private Long id;
    @Column(name = "parent_id")
    private Long parentId;

    protected RootCauseEntity() {
    }

    public RootCauseEntity(Long parentId, String name) {
        super(name);
        this.parentId = parentId;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Long getParentId() {
        return parentId;
    }
}
