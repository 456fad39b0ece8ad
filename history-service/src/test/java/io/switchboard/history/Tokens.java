package io.switchboard.history;

/** Short names for this module's tests; the tokens come from local-stack's {@link io.switchboard.stack.test.Tokens}. */
final class Tokens {

    private Tokens() {
    }

    static String agent(String id) {
        return io.switchboard.stack.test.Tokens.agent(id);
    }

    static String supervisor(String id) {
        return io.switchboard.stack.test.Tokens.supervisor(id);
    }
}
