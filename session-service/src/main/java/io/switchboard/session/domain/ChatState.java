package io.switchboard.session.domain;

/** Where a chat is in its life: waiting for an agent, in conversation, finished (wrap-up), done. */
public enum ChatState {
    WAITING, ACTIVE, ENDED, DONE
}
