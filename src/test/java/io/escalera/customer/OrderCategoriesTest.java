package io.escalera.customer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Categories as shop systems export them become the one comma-separated list the ladder reads. */
class OrderCategoriesTest {

    @Test
    void pipesSemicolonsAndCommasSeparateBlanksAndRepeatsAreDropped() {
        assertThat(OrderCategories.normalised("shoes | bags;shoes, ,home")).isEqualTo("shoes,bags,home");
        assertThat(OrderCategories.normalised("Ropa; calzado")).isEqualTo("Ropa,calzado");
        assertThat(OrderCategories.normalised("books")).isEqualTo("books");
    }

    @Test
    void nothingLeftIsNoCategory() {
        assertThat(OrderCategories.normalised(null)).isNull();
        assertThat(OrderCategories.normalised(" | ; ")).isNull();
    }
}
