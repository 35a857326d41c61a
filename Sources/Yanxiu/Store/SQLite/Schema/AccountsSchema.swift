import GRDB

/// Tables of accounts, sessions, SMS codes, regions, schools, verification and audit.
enum AccountsSchema {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-accounts") { db in
            try db.execute(sql: """
                CREATE TABLE region (
                    code TEXT PRIMARY KEY NOT NULL,           -- GB/T 2260, six digits
                    name TEXT NOT NULL,
                    level TEXT NOT NULL CHECK (level IN ('province', 'city', 'county')),
                    parent_code TEXT REFERENCES region(code)
                ) STRICT;
                CREATE INDEX region_parent ON region(parent_code);

                CREATE TABLE school (
                    id INTEGER PRIMARY KEY,
                    code TEXT UNIQUE,                          -- the directory's own code, for idempotent imports
                    name TEXT NOT NULL,
                    region_code TEXT NOT NULL REFERENCES region(code),
                    is_other INTEGER NOT NULL DEFAULT 0,       -- the county's "其他" placeholder
                    created_at INTEGER NOT NULL
                ) STRICT;
                CREATE INDEX school_region_name ON school(region_code, name);
                CREATE UNIQUE INDEX school_other_per_county ON school(region_code) WHERE is_other = 1;
                -- Name fragments of three characters or more are found through trigrams, not by scanning 500k names.
                CREATE VIRTUAL TABLE school_name_fts USING fts5(name, content = 'school', content_rowid = 'id', tokenize = 'trigram');
                CREATE TRIGGER school_fts_insert AFTER INSERT ON school BEGIN
                    INSERT INTO school_name_fts (rowid, name) VALUES (new.id, new.name);
                END;
                CREATE TRIGGER school_fts_delete AFTER DELETE ON school BEGIN
                    INSERT INTO school_name_fts (school_name_fts, rowid, name) VALUES ('delete', old.id, old.name);
                END;
                CREATE TRIGGER school_fts_update AFTER UPDATE OF name ON school BEGIN
                    INSERT INTO school_name_fts (school_name_fts, rowid, name) VALUES ('delete', old.id, old.name);
                    INSERT INTO school_name_fts (rowid, name) VALUES (new.id, new.name);
                END;

                CREATE TABLE account (
                    id INTEGER PRIMARY KEY,
                    phone TEXT NOT NULL UNIQUE,
                    password_hash TEXT NOT NULL,
                    identity TEXT,
                    nickname TEXT,
                    name TEXT,
                    teacher_type TEXT,
                    school_id INTEGER REFERENCES school(id),
                    id_type TEXT,
                    id_number TEXT,
                    title TEXT,
                    stage TEXT,
                    subject TEXT,
                    password_locked_until INTEGER,
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL
                ) STRICT;
                CREATE INDEX account_school ON account(school_id);

                CREATE TABLE session (
                    token_hash BLOB PRIMARY KEY NOT NULL,      -- SHA-256 of the token; the token itself is never stored
                    account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                    created_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL
                ) STRICT, WITHOUT ROWID;
                CREATE INDEX session_account ON session(account_id);

                CREATE TABLE sms_code (
                    id INTEGER PRIMARY KEY,
                    phone TEXT NOT NULL,
                    purpose TEXT NOT NULL,
                    code_hash BLOB NOT NULL,
                    created_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL,
                    failed_attempts INTEGER NOT NULL DEFAULT 0,
                    used_at INTEGER
                ) STRICT;
                CREATE INDEX sms_code_phone ON sms_code(phone, purpose, created_at);

                CREATE TABLE sms_outbox (
                    id INTEGER PRIMARY KEY,
                    phone TEXT NOT NULL,
                    text TEXT NOT NULL,
                    sent_at INTEGER NOT NULL
                ) STRICT;
                CREATE INDEX sms_outbox_phone ON sms_outbox(phone, sent_at);

                CREATE TABLE login_failure (
                    id INTEGER PRIMARY KEY,
                    phone TEXT NOT NULL,
                    at INTEGER NOT NULL
                ) STRICT;
                CREATE INDEX login_failure_phone ON login_failure(phone, at);

                -- A teacher's membership of a school and the roles the school's administrator verified.
                CREATE TABLE school_member (
                    account_id INTEGER PRIMARY KEY NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                    school_id INTEGER NOT NULL REFERENCES school(id),
                    declared_mental_health INTEGER NOT NULL DEFAULT 0,
                    declared_homeroom INTEGER NOT NULL DEFAULT 0,
                    status TEXT NOT NULL CHECK (status IN ('pending', 'verified')),
                    verified_mental_health INTEGER NOT NULL DEFAULT 0,
                    verified_homeroom INTEGER NOT NULL DEFAULT 0,
                    verified_by INTEGER REFERENCES account(id),
                    verified_at INTEGER,
                    joined_at INTEGER NOT NULL
                ) STRICT;
                CREATE INDEX school_member_school ON school_member(school_id, status);

                CREATE TABLE admin_grant (
                    id INTEGER PRIMARY KEY,
                    account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                    role TEXT NOT NULL CHECK (role IN ('schoolAdmin', 'countyAdmin')),
                    scope TEXT NOT NULL,                       -- school id, or county region code
                    granted_at INTEGER NOT NULL,
                    UNIQUE (account_id, role, scope)
                ) STRICT;

                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY,
                    at INTEGER NOT NULL,
                    actor_account INTEGER,
                    actor_uid INTEGER,
                    action TEXT NOT NULL,
                    target TEXT,
                    detail TEXT
                ) STRICT;
                CREATE INDEX audit_action ON audit(action, at);
                CREATE INDEX audit_target ON audit(target, at);
                CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
                CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
                """)
        }
    }
}
