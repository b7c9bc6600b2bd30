package io.escalera.support;

import io.escalera.customer.internal.CustomerDataGenerator;
import io.escalera.customer.internal.CustomerDataLoader;

/**
 * The one generated data set of the test database (2,000 customers, ~20,000 orders, seed 42, with every module's
 * generated part): a database takes one generated set, so the tests that need it share it.
 */
public final class GeneratedDataSet {

    private static CustomerDataLoader.Result result;

    private GeneratedDataSet() {
    }

    public static synchronized CustomerDataLoader.Result load(CustomerDataLoader loader) throws Exception {
        if (result == null) {
            result = loader.load(new CustomerDataGenerator.Size(2_000, 20_000, 42));
        }
        return result;
    }
}
