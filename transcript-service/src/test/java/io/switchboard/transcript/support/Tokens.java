package io.switchboard.transcript.support;

/** Short names for this module's tests; the tokens come from local-stack's {@link io.switchboard.stack.test.Tokens}. */
public final class Tokens {

    private Tokens() {
    }

    public static String agent(String id, String name) {
        return io.switchboard.stack.test.Tokens.agent(id, name);
    }

    public static String supervisor(String id) {
        return io.switchboard.stack.test.Tokens.supervisor(id, "Sam Taylor");
    }
}
