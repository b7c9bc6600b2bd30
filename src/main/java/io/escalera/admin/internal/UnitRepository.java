package io.escalera.admin.internal;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;

public interface UnitRepository extends JpaRepository<UnitEntity, Long> {

    boolean existsByCodeIgnoreCase(String code);

    List<UnitEntity> findByParentId(Long parentId);

    @Query("select u from UnitEntity u where :prefix is null or lower(u.code) like :prefix or lower(u.name) like :prefix")
    List<UnitEntity> search(@Param("prefix") String prefix, Pageable pageable);

    @Query("select count(u) from UnitEntity u where :prefix is null or lower(u.code) like :prefix or lower(u.name) like :prefix")
    long countSearch(@Param("prefix") String prefix);
}
