/// What the database must be, and the daemon's own records (`daemon_meta`): the PostgreSQL form of
/// SQLite's first migration, as the SQLite schema has it after all its migrations.
enum PostgresOperationsSchema {
    static let sql = """
        -- Lengths and name fragments count characters, so text is stored as UTF-8, as in SQLite. The
        -- school search's trigrams take only letters and digits as the database's LC_CTYPE classes
        -- them, and under C or POSIX no Chinese character is one: every search would read every name.
        DO $$
        BEGIN
            IF current_setting('server_encoding') <> 'UTF8' THEN
                RAISE EXCEPTION 'the database is encoded in %, not UTF8', current_setting('server_encoding')
                    USING HINT = 'Create it with ENCODING ''UTF8''.';
            END IF;
            IF current_setting('lc_ctype') IN ('C', 'POSIX') THEN
                RAISE EXCEPTION 'the database''s LC_CTYPE is %, which classes no Chinese character as a letter', current_setting('lc_ctype')
                    USING HINT = 'Create it with a UTF-8 LC_CTYPE, such as ''C.UTF-8'' or ''en_US.UTF-8'' (TEMPLATE template0).';
            END IF;
        END;
        $$;

        CREATE TABLE daemon_meta (
            key TEXT COLLATE "C" PRIMARY KEY NOT NULL,
            value TEXT COLLATE "C" NOT NULL
        );
        """
}
