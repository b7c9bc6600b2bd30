package io.escalera.customer.internal;

import io.escalera.shared.DemoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Generated data at start-up: in demo mode a small set when there are no customers yet, and on request any size,
 * e.g. {@code --escalera.generate.customers=1000000 --escalera.generate.orders=10000000}; with
 * {@code --escalera.generate.exit=true} the application stops once the data is in (the README's generator command).
 */
@Component
class GenerateDataCommand {

    private static final Logger log = LoggerFactory.getLogger(GenerateDataCommand.class);

    private final CustomerDataLoader loader;
    private final DemoProperties demo;
    private final Environment environment;

    private final ApplicationContext context;

    GenerateDataCommand(CustomerDataLoader loader, DemoProperties demo, Environment environment, ApplicationContext context) {
        this.context = context;
        this.loader = loader;
        this.demo = demo;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    void generate() throws Exception {
        Integer customers = environment.getProperty("escalera.generate.customers", Integer.class);
        long seed = environment.getProperty("escalera.generate.seed", Long.class, 42L);
        if (customers != null) {
            long orders = environment.getProperty("escalera.generate.orders", Long.class, customers * 10L);
            log.info("Generating {} customers and about {} orders (seed {})", customers, orders, seed);
            loader.load(new CustomerDataGenerator.Size(customers, orders, seed));
            if (environment.getProperty("escalera.generate.exit", Boolean.class, false)) {
                log.info("Generated data loaded; stopping as asked (escalera.generate.exit)");
                System.exit(SpringApplication.exit(context, () -> 0));
            }
        } else if (demo.enabled() && loader.customerCount() == 0) {
            log.info("Demo mode: generating demo customers and orders");
            loader.load(new CustomerDataGenerator.Size(3_000, 30_000, seed));
        }
    }
}
