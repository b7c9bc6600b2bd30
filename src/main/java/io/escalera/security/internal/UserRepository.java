package io.escalera.security.internal;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface UserRepository extends JpaRepository<UserEntity, Long> {

    Optional<UserEntity> findByUsernameIgnoreCase(String username);

    boolean existsByUsernameIgnoreCase(String username);

    List<UserEntity> findByUnitIdInAndEnabledTrue(Collection<Long> unitIds);

    @Query("""
            select u from UserEntity u
            where :prefix is null or lower(u.username) like :prefix or lower(u.displayName) like :prefix
               or lower(u.email) like :prefix""")
    List<UserEntity> search(@Param("prefix") String prefix, Pageable pageable);

    @Query("""
            select count(u) from UserEntity u
            where :prefix is null or lower(u.username) like :prefix or lower(u.displayName) like :prefix
               or lower(u.email) like :prefix""")
    long countSearch(@Param("prefix") String prefix);
}
