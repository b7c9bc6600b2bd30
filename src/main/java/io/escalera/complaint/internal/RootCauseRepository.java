package io.escalera.complaint.internal;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface RootCauseRepository extends JpaRepository<RootCauseEntity, Long> {

    List<RootCauseEntity> findAllByOrderByNameAsc();

    boolean existsByParentIdAndNameIgnoreCase(Long parentId, String name);

    boolean existsByParentIdIsNullAndNameIgnoreCase(String name);
}
