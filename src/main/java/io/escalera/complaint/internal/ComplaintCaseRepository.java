package io.escalera.complaint.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ComplaintCaseRepository extends JpaRepository<ComplaintCaseEntity, Long> {
}
