package io.escalera.feedback.internal;

import io.escalera.feedback.FeedbackKind;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Survey invitations by e-mail, plain and HTML, in the invitation's language. Present only when Spring Mail is
 * configured ({@code spring.mail.host}); without it, invitations wait in the outbox.
 */
@Component
public class InvitationMailer {

    private final ObjectProvider<JavaMailSender> mailSender;
    private final MessageSource messages;
    private final String publicUrl;
    private final String from;

    InvitationMailer(ObjectProvider<JavaMailSender> mailSender, MessageSource messages,
                     @Value("${escalera.public-url}") String publicUrl,
                     @Value("${escalera.mail.from:surveys@escalera.local}") String from) {
        this.mailSender = mailSender;
        this.messages = messages;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
        this.from = from;
    }

    public boolean enabled() {
        return mailSender.getIfAvailable() != null;
    }

    public String link(String token) {
        return publicUrl + "s/" + token;
    }

    /** Sends one invitation (or its reminder); the error text when it could not be sent. */
    public Optional<String> send(String to, String name, List<FeedbackKind> kinds, Locale language, String token, boolean reminder) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return Optional.of("mail not configured");
        }
        String link = link(token);
        String subject = messages.getMessage(reminder ? "mail.survey.reminder-subject" : "mail.survey.subject", null, language);
        String greeting = messages.getMessage("mail.survey.greeting", new Object[]{name}, language);
        String body = messages.getMessage(kinds.contains(FeedbackKind.CES) ? "mail.survey.body-case" : "mail.survey.body", null, language);
        String action = messages.getMessage("mail.survey.action", null, language);
        String footer = messages.getMessage("mail.survey.footer", null, language);
        String text = greeting + "\n\n" + body + "\n\n" + action + ": " + link + "\n\n" + footer + "\n";
        String html = "<p>" + HtmlUtils.htmlEscape(greeting) + "</p><p>" + HtmlUtils.htmlEscape(body) + "</p>"
                + "<p><a href=\"" + HtmlUtils.htmlEscape(link) + "\" style=\"display:inline-block;padding:12px 20px;"
                + "background:#1676f3;color:#fff;border-radius:6px;text-decoration:none\">" + HtmlUtils.htmlEscape(action) + "</a></p>"
                + "<p style=\"color:#666;font-size:small\">" + HtmlUtils.htmlEscape(footer) + "</p>";
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text, html);
            sender.send(message);
            return Optional.empty();
        } catch (MessagingException | MailException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return Optional.of(reason.length() > 480 ? reason.substring(0, 480) : reason);
        }
    }
}
