package io.escalera.shared;

import io.escalera.support.EscaleraTest;
import io.escalera.support.OneConnectionPerRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The tests' guard of issue 30's rule: a request that asks for a second connection while it holds one is refused. */
@EscaleraTest
class OneConnectionPerRequestTest {

    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;

    /** A transaction that opens a new one inside it: what the event registry did after commit on the request thread. */
    private Object nestedNewTransaction() {
        TransactionTemplate outer = new TransactionTemplate(transactions);
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return outer.execute(s -> {
            jdbc.sql("SELECT 1").query(Long.class).single();
            return inner.execute(t -> jdbc.sql("SELECT 2").query(Long.class).single());
        });
    }

    private Throwable runOn(String threadName) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().name(threadName).start(() -> {
            try {
                nestedNewTransaction();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        thread.join();
        return failure.get();
    }

    @Test
    void aRequestThreadThatAsksForASecondConnectionWhileHoldingOneIsRefusedAndRecorded() throws InterruptedException {
        OneConnectionPerRequest.forget();
        Throwable failure = runOn("http-nio-0-exec-guard");
        assertThat(failure).isNotNull();
        assertThat(OneConnectionPerRequest.breaches()).singleElement().asString()
                .startsWith("http-nio-0-exec-guard asked for a second connection while holding one");
        OneConnectionPerRequest.forget();
        assertThat(runOn("request-guard")).isNotNull();
        OneConnectionPerRequest.forget();
    }

    @Test
    void aBackgroundThreadMayHoldTwoAndARequestMayTakeOneAfterTheOther() throws InterruptedException {
        OneConnectionPerRequest.forget();
        assertThat(runOn("task-guard")).isNull();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread.ofPlatform().name("request-sequential").start(() -> {
            try {
                for (int i = 0; i < 3; i++) {
                    new TransactionTemplate(transactions).execute(s -> jdbc.sql("SELECT 1").query(Long.class).single());
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        }).join();
        assertThat(failure.get()).isNull();
        assertThat(OneConnectionPerRequest.breaches()).isEmpty();
    }
}
