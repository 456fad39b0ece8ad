package io.switchboard.history.rebuild;

import io.smallrye.mutiny.Uni;
import io.switchboard.kit.tx.NativeSql;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A second copy of the history tables in its own PostgreSQL schema, for a rebuild. Work runs in it by setting the
 * transaction's search path, so the projection and reader code is the same for both stores.
 */
public record StoreSchema(String name) {

    /** Every table the projection writes, plus the record of applied event ids. */
    static final List<String> TABLES = List.of("interaction", "interaction_queue", "interaction_participation",
            "interaction_message", "interaction_activity", "interaction_receipt", "processed_event");
    private static final String PREFIX = "history_rebuild_";
    private static final int RANDOM_LENGTH = 12;
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z0-9_]+");

    public StoreSchema {
        // The name goes into DDL, where it cannot be a bind parameter.
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("unsafe schema name " + name);
        }
    }

    static StoreSchema fresh() {
        return new StoreSchema(PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, RANDOM_LENGTH));
    }

    /** Creates the schema with empty copies of the live tables (columns, defaults, generated columns, indexes). */
    Uni<Void> create() {
        Uni<?> done = execute("create schema " + name);
        for (String table : TABLES) {
            done = done.chain(() -> execute("create table " + name + "." + table + " (like " + table
                    + " including all)"));
        }
        return done.replaceWithVoid();
    }

    Uni<Void> drop() {
        // Without this, PostgreSQL sends one notice per dropped table, which the client logs as warnings.
        return execute("set local client_min_messages to warning")
                .chain(() -> execute("drop schema if exists " + name + " cascade")).replaceWithVoid();
    }

    /** Points the current transaction at this schema; it ends with the transaction. */
    public Uni<Void> use() {
        return execute("set local search_path to " + name).replaceWithVoid();
    }

    private static Uni<Integer> execute(String sql) {
        return NativeSql.update(sql);
    }
}
