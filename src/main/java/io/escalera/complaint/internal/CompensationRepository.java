package io.escalera.complaint.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CompensationRepository extends JpaRepository<CompensationEntity, Long> {
}
