package io.escalera.shared.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * Somebody else saved the record meanwhile: reload (lose my changes) or overwrite (keep mine). Nothing happens
 * silently.
 */
public final class ConflictDialog {

    private ConflictDialog() {
    }

    public static ConfirmDialog open(String changedBy, Runnable reload, Runnable overwrite) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(dialog.getTranslation("conflict.title"));
        dialog.setText(dialog.getTranslation("conflict.text", changedBy));
        dialog.setCancelable(true);
        dialog.setCancelText(dialog.getTranslation("action.cancel"));
        dialog.setRejectable(true);
        dialog.setRejectText(dialog.getTranslation("conflict.reload"));
        dialog.addRejectListener(e -> reload.run());
        dialog.setConfirmText(dialog.getTranslation("conflict.overwrite"));
        dialog.addConfirmListener(e -> overwrite.run());
        dialog.open();
        return dialog;
    }
}
