package io.escalera.customer.internal;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface ReferralRepository extends JpaRepository<ReferralEntity, Long> {

    boolean existsByReferredId(Long referredId);

    List<ReferralEntity> findByReferrerIdOrReferredIdOrderByReferredOnDesc(Long referrerId, Long referredId);
}
