package io.escalera.support;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Beans every test context has: a clock tests can move; the guard of "no request holds two connections". */
@org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
class EscaleraTestConfiguration {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    @Bean
    static OneConnectionPerRequest.Wrapper oneConnectionPerRequest() {
        return new OneConnectionPerRequest.Wrapper();
    }
}
