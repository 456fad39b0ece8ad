package io.switchboard.routing.support;

/** Short names for this module's tests; the tokens come from local-stack's {@link io.switchboard.stack.test.Tokens}. */
public final class Tokens {

    private Tokens() {
    }

    public static String agent(String id) {
        return io.switchboard.stack.test.Tokens.agent(id);
    }

    public static String supervisor() {
        return io.switchboard.stack.test.Tokens.supervisor("supervisor1", "Sam Taylor");
    }
}
