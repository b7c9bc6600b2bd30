package io.escalera.interaction.internal;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface ReasonRepository extends JpaRepository<ReasonEntity, Long> {

    List<ReasonEntity> findAllByOrderByRetiredAscNameAsc();

    boolean existsByNameIgnoreCase(String name);
}
