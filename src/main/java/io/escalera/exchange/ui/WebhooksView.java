package io.escalera.exchange.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.escalera.exchange.WebhookDelivery;
import io.escalera.exchange.WebhookEndpoint;
import io.escalera.exchange.WebhookEvent;
import io.escalera.exchange.WebhookForm;
import io.escalera.exchange.WebhookSignature;
import io.escalera.exchange.Webhooks;
import io.escalera.shared.ui.FormSave;
import io.escalera.shared.ui.Formats;
import io.escalera.shared.ui.LocalizedTitle;
import io.escalera.shared.ui.Notifications;
import jakarta.annotation.security.RolesAllowed;

import java.util.EnumSet;
import java.util.stream.Collectors;

/**
 * ADMIN: webhook endpoints (where events are POSTed, signed with a shared secret) and the log of every delivery,
 * with the receiver's answer; a delivery that was given up can be sent again.
 */
@Route("admin/webhooks")
@Menu(title = "nav.admin.webhooks", order = 95, icon = "vaadin:connect")
@RolesAllowed("ADMIN")
public class WebhooksView extends VerticalLayout implements LocalizedTitle {

    private static final int LOG_ROWS = 200;

    private final Webhooks webhooks;
    private final Grid<WebhookEndpoint> endpoints = new Grid<>();
    private final Grid<WebhookDelivery> deliveries = new Grid<>();

    public WebhooksView(Webhooks webhooks) {
        this.webhooks = webhooks;
        setSizeFull();
        Button add = new Button(getTranslation("webhooks.new"), e -> openDialog(null));
        add.setId("webhook-new");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        endpoints.addColumn(WebhookEndpoint::url).setHeader(getTranslation("webhook.url")).setFlexGrow(2);
        endpoints.addColumn(e -> e.events().stream().map(WebhookEvent::wireName).sorted().collect(Collectors.joining(", ")))
                .setHeader(getTranslation("webhook.events")).setFlexGrow(2);
        endpoints.addColumn(e -> getTranslation(e.active() ? "webhook.active" : "webhook.paused"))
                .setHeader(getTranslation("webhook.status")).setAutoWidth(true);
        endpoints.addComponentColumn(this::endpointActions).setAutoWidth(true);
        endpoints.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        endpoints.setEmptyStateText(getTranslation("webhooks.empty"));
        endpoints.setAllRowsVisible(true);
        endpoints.asSingleSelect().addValueChangeListener(e -> refreshLog());

        deliveries.addColumn(d -> Formats.dateTime(d.createdAt(), getLocale())).setHeader(getTranslation("webhook.delivery.created")).setAutoWidth(true);
        deliveries.addColumn(WebhookDelivery::eventType).setHeader(getTranslation("webhook.delivery.event")).setAutoWidth(true);
        deliveries.addColumn(d -> getTranslation("webhook.delivery.status." + d.status())).setHeader(getTranslation("webhook.status")).setAutoWidth(true);
        deliveries.addColumn(WebhookDelivery::attempts).setHeader(getTranslation("webhook.delivery.attempts")).setAutoWidth(true);
        deliveries.addColumn(d -> d.lastStatus() == null ? "" : String.valueOf(d.lastStatus()))
                .setHeader(getTranslation("webhook.delivery.answer")).setAutoWidth(true);
        deliveries.addColumn(d -> d.status() == WebhookDelivery.Status.PENDING && d.attempts() > 0
                        ? getTranslation("webhook.delivery.next", Formats.dateTime(d.nextAttemptAt(), getLocale())) : "")
                .setHeader(getTranslation("webhook.delivery.next-attempt")).setAutoWidth(true);
        deliveries.addColumn(d -> d.lastError() == null ? "" : d.lastError()).setHeader(getTranslation("webhook.delivery.error")).setFlexGrow(2);
        deliveries.addComponentColumn(this::retryButton).setAutoWidth(true);
        deliveries.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        deliveries.setEmptyStateText(getTranslation("webhook.deliveries.empty"));
        deliveries.setSizeFull();

        Button refresh = new Button(getTranslation("webhook.deliveries.refresh"), e -> refreshLog());
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout logHeader = new HorizontalLayout(new H3(getTranslation("webhook.deliveries")), refresh);
        logHeader.setAlignItems(Alignment.BASELINE);
        add(new Paragraph(getTranslation("webhooks.explanation")), add, endpoints, logHeader,
                new Paragraph(getTranslation("webhook.deliveries.help", LOG_ROWS)), deliveries);
        refreshEndpoints();
    }

    private HorizontalLayout endpointActions(WebhookEndpoint endpoint) {
        Button edit = new Button(getTranslation("action.edit"), e -> openDialog(endpoint));
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button delete = new Button(getTranslation("action.delete"), e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("webhook.delete.title"),
                    getTranslation("webhook.delete.text", endpoint.url()), getTranslation("action.delete"), ok -> {
                webhooks.delete(endpoint.id());
                Notifications.success(getTranslation("webhook.deleted"));
                refreshEndpoints();
            });
            confirm.setConfirmButtonTheme("error primary");
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.open();
        });
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(edit, delete);
    }

    private Button retryButton(WebhookDelivery delivery) {
        Button retry = new Button(getTranslation("webhook.delivery.retry"), e -> {
            webhooks.retry(delivery.id());
            Notifications.success(getTranslation("webhook.delivery.retried"));
            refreshLog();
        });
        retry.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        retry.setVisible(delivery.status() == WebhookDelivery.Status.FAILED);
        return retry;
    }

    private void refreshEndpoints() {
        endpoints.setItems(webhooks.endpoints());
        refreshLog();
    }

    private void refreshLog() {
        WebhookEndpoint selected = endpoints.asSingleSelect().getValue();
        deliveries.setItems(webhooks.deliveries(selected == null ? null : selected.id(), 0, LOG_ROWS));
    }

    private void openDialog(WebhookEndpoint endpoint) {
        Dialog dialog = new Dialog(getTranslation(endpoint == null ? "webhooks.new" : "webhooks.edit"));
        dialog.setWidth("min(40rem, 95vw)");
        BeanValidationBinder<WebhookForm> binder = new BeanValidationBinder<>(WebhookForm.class);
        TextField url = new TextField(getTranslation("webhook.url"));
        url.setId("webhook-url");
        url.setPlaceholder("https://shop.example.com/escalera-hook");
        TextField secret = new TextField(getTranslation("webhook.secret"));
        secret.setId("webhook-secret");
        secret.setHelperText(getTranslation(endpoint == null ? "webhook.secret.help" : "webhook.secret.keep"));
        Button generate = new Button(getTranslation("webhook.secret.generate"), e -> secret.setValue(WebhookSignature.newSecret()));
        generate.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        CheckboxGroup<WebhookEvent> events = new CheckboxGroup<>(getTranslation("webhook.events"));
        events.setId("webhook-events");
        events.setItems(WebhookEvent.values());
        events.setItemLabelGenerator(event -> getTranslation("webhook.event." + event.name()) + " (" + event.wireName() + ")");
        Checkbox active = new Checkbox(getTranslation("webhook.active"));

        binder.forField(url).bind("url");
        // the secret is not shown again when editing: blank keeps it (the service checks it when given)
        binder.forField(secret).bind(WebhookForm::getSecret, WebhookForm::setSecret);
        binder.forField(events).asRequired(getTranslation("webhook.events.required")).bind("events");
        binder.forField(active).bind("active");
        WebhookForm form = new WebhookForm();
        if (endpoint != null) {
            form.setUrl(endpoint.url());
            form.setEvents(EnumSet.copyOf(endpoint.events()));
            form.setActive(endpoint.active());
            form.setVersion(endpoint.version());
        }
        binder.readBean(form);

        FormLayout layout = new FormLayout(url, secret, generate, events, active);
        layout.setColspan(url, 2);
        layout.setColspan(events, 2);
        dialog.add(layout);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                binder.writeBean(form);
            } catch (ValidationException invalid) {
                return;
            }
            boolean saved = FormSave.attempt(binder, dialog, () -> {
                if (endpoint == null) {
                    webhooks.create(form);
                } else {
                    webhooks.update(endpoint.id(), form);
                }
            }, () -> {
                dialog.close();
                refreshEndpoints();
            }, () -> webhooks.endpoints().stream().filter(fresh -> fresh.id() == endpoint.id()).findFirst().ifPresent(fresh -> {
                form.setVersion(fresh.version());
                webhooks.update(endpoint.id(), form);
                dialog.close();
                refreshEndpoints();
            }));
            if (saved) {
                Notifications.success(getTranslation("webhook.saved"));
                dialog.close();
                refreshEndpoints();
            }
        });
        save.setId("webhook-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
        url.focus();
    }

    @Override
    public String titleKey() {
        return "nav.admin.webhooks";
    }
}
