package io.switchboard.kit.security;

/**
 * The roles carried in the {@code groups} claim of Switchboard tokens. Agents and supervisors get theirs from the
 * company's identity provider; session-service mints contact tokens bound to one chat.
 */
public final class Roles {

    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String CONTACT = "contact";
    /** A system of the company (CRM, order system) acting with its own token from the identity provider. */
    public static final String INTEGRATION = "integration";
    /** Claim of a contact token naming the only chat it opens. */
    public static final String CHAT_CLAIM = "chat";
    /** Claim with the display name shown to the other participants. */
    public static final String NAME_CLAIM = "name";

    private Roles() {
    }
}
