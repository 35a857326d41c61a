/// What the database must be and the daemon's own records (`daemon_meta`): the PostgreSQL form of
/// SQLite's first migration, as the SQLite schema has it after all its migrations.
enum PostgresOperationsSchema {
    static let sql = """
        -- Lengths, fragments and trigrams count characters, so text must be stored as UTF-8, as in SQLite.
        DO $$
        BEGIN
            IF current_setting('server_encoding') <> 'UTF8' THEN
                RAISE EXCEPTION 'the database is encoded in %, not UTF8', current_setting('server_encoding')
                    USING HINT = 'Create it with ENCODING ''UTF8''.';
            END IF;
        END;
        $$;

        CREATE TABLE daemon_meta (
            key TEXT COLLATE "C" PRIMARY KEY NOT NULL,
            value TEXT COLLATE "C" NOT NULL
        );
        """
}
