package io.switchboard.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 7807 problem detail, the body of every error answer ({@code application/problem+json}).
 *
 * @param type       a URI naming the kind of problem; clients switch on it
 * @param violations the fields at fault, for validation errors
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://switchboard.dev/problems/";

    public record Violation(String field, String message) {
    }
}
