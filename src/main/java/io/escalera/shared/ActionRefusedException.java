package io.escalera.shared;

/**
 * A user asked for something the rules do not allow (an illegal status change, a case already taken): the UI shows
 * the translated message; nothing was changed.
 */
public class ActionRefusedException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public ActionRefusedException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
