package io.escalera.shared.ui;

import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * A view whose browser title comes from the translations, so that it follows the user's language
 * ({@code @PageTitle} can only hold one fixed text).
 */
public interface LocalizedTitle extends HasDynamicTitle {

    String titleKey();

    @Override
    default String getPageTitle() {
        return I18NProvider.translate(titleKey()) + " · Escalera";
    }
}
