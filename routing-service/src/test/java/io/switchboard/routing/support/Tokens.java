package io.switchboard.routing.support;

/** Short names for this module's tests; the tokens come from local-stack's {@link io.switchboard.stack.test.Tokens}. */
public final class Tokens {

    private Tokens() {
    }

    public static String agent(String id) {
        return io.switchboard.stack.test.Tokens.agent(id);
    }

    /** A valid token whose only role is contact's: not an agent, whatever it calls. */
    public static String contact(String chatId) {
        return io.switchboard.stack.test.Tokens.signed(io.switchboard.stack.test.Tokens.AUDIENCE, "contact-" + chatId,
                "Contact", "contact");
    }

    public static String supervisor() {
        return io.switchboard.stack.test.Tokens.supervisor("supervisor1", "Sam Taylor");
    }
}
