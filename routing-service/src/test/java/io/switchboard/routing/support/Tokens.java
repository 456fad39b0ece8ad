package io.switchboard.routing.support;

/** Short names for this module's tests; the tokens come from local-stack's {@link io.switchboard.stack.test.Tokens}. */
public final class Tokens {

    private Tokens() {
    }

    public static String agent(String id) {
        return io.switchboard.stack.test.Tokens.agent(id);
    }

    /** A contact's token, as session-service mints it for one chat. */
    public static String contact(String chatId) {
        return Jwt.issuer(ISSUER).subject("contact-" + chatId).groups(Set.of(Roles.CONTACT))
                .claim(Roles.CHAT_CLAIM, chatId).claim(Roles.NAME_CLAIM, "Contact").sign();
    }

    public static String supervisor() {
        return io.switchboard.stack.test.Tokens.supervisor("supervisor1", "Sam Taylor");
    }
}
