package io.escalera.shared.internal;

import io.escalera.support.EscaleraTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/** JavaMail waits forever by default: the application's mail sender gives up connecting, reading and writing after 10 s. */
@EscaleraTest
class OutboundTimeoutsTest {

    @Autowired JavaMailSenderImpl mail;

    @Test
    void theMailSenderHasConnectReadAndWriteTimeouts() {
        assertThat(mail.getJavaMailProperties())
                .containsEntry("mail.smtp.connectiontimeout", "10000")
                .containsEntry("mail.smtp.timeout", "10000")
                .containsEntry("mail.smtp.writetimeout", "10000");
    }
}
