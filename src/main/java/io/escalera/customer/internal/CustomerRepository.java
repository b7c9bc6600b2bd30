package io.escalera.customer.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CustomerRepository extends JpaRepository<CustomerEntity, Long> {

    boolean existsByExternalCode(String externalCode);

    boolean existsByEmail(String email);
}
