package io.switchboard.session.chat;

import io.switchboard.events.ParticipantRole;
import io.switchboard.kit.security.Roles;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, taken from a verified token only (never from a request body).
 *
 * @param chatId the only chat a contact token opens; null for agents and supervisors
 */
public record Caller(String id, String name, ParticipantRole role, String chatId) {

    public static Caller of(JsonWebToken jwt) {
        Set<String> groups = jwt.getGroups();
        String name = jwt.<String>claim(Roles.NAME_CLAIM).orElse(jwt.getSubject());
        if (groups.contains(Roles.CONTACT)) {
            return new Caller(jwt.getSubject(), name, ParticipantRole.CONTACT,
                    jwt.<String>claim(Roles.CHAT_CLAIM).orElse(null));
        }
        ParticipantRole role = groups.contains(Roles.SUPERVISOR) ? ParticipantRole.SUPERVISOR
                : groups.contains(Roles.AGENT) ? ParticipantRole.AGENT : null;
        return new Caller(jwt.getSubject(), name, role, null);
    }

    public boolean isContact() {
        return role == ParticipantRole.CONTACT;
    }

    public boolean isAgent() {
        return role == ParticipantRole.AGENT || role == ParticipantRole.SUPERVISOR;
    }

    /** A contact token names its chat; its subject is {@code contact:<chatId>}. */
    public static String contactId(String chatId) {
        return "contact:" + chatId;
    }
}
