package io.escalera.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application, serving HTTP on a random port, on the test MariaDB (one server per test JVM, schema built
 * by Liquibase). Every test class uses this one configuration so that the JVM holds a single Spring context: two
 * contexts would each install their own Vaadin security-context strategy and confuse method security.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.springframework.context.annotation.Import(EscaleraTestConfiguration.class)
public @interface EscaleraTest {
}
