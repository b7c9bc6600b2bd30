package io.escalera.interaction;

public enum InteractionChannel {
    PHONE, EMAIL, CHAT, SOCIAL, IN_STORE, APP, OTHER
}
