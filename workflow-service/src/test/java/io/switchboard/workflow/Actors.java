package io.switchboard.workflow;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.ObjectMapperConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.switchboard.events.Events;
import io.switchboard.kit.security.Roles;
import io.switchboard.stack.test.Tokens;
import java.util.Set;

/** The people calling the API in tests, with tokens like the identity provider's. */
public enum Actors {
    ALICE("agent1", "Alice Martin", Set.of(Roles.AGENT)),
    BRUNO("agent2", "Bruno Costa", Set.of(Roles.AGENT)),
    SAM("supervisor1", "Sam Taylor", Set.of(Roles.AGENT, Roles.SUPERVISOR));

    /** Bodies with timestamps (items) are read with the same mapping the services write. */
    private static final ObjectMapperConfig JSON = new ObjectMapperConfig()
            .jackson2ObjectMapperFactory((type, charset) -> Events.json());

    public final String id;
    private final String name;
    private final Set<String> groups;

    Actors(String id, String name, Set<String> groups) {
        this.id = id;
        this.name = name;
        this.groups = groups;
    }

    public String token() {
        return Tokens.signed(Tokens.AUDIENCE, id, name, groups.toArray(String[]::new));
    }

    public RequestSpecification request() {
        return given().config(RestAssured.config().objectMapperConfig(JSON))
                .auth().oauth2(token()).contentType(ContentType.JSON);
    }
}
