import GRDB

/// Tables of issuer keys, issued certificates, revocations and the serial allocator.
enum CertificateSchema {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5-certificates") { db in
            try db.execute(sql: """
                -- Every key the daemon ever signed with. Only public keys live here: the private key
                -- stays in its file. Retired keys remain so certificates they signed still verify.
                CREATE TABLE issuer_key (
                    id INTEGER PRIMARY KEY,
                    verification_method TEXT NOT NULL UNIQUE,  -- did:key:z6Mk…#z6Mk…
                    public_key BLOB NOT NULL CHECK (length(public_key) = 32),
                    created_at INTEGER NOT NULL,
                    retired_at INTEGER
                ) STRICT;
                CREATE UNIQUE INDEX issuer_key_one_current ON issuer_key((retired_at IS NULL)) WHERE retired_at IS NULL;

                CREATE TABLE certificate (
                    serial_number INTEGER PRIMARY KEY NOT NULL, -- the 40-bit number the serial encodes
                    serial TEXT NOT NULL UNIQUE,               -- YX-XXXX-XXXX-C
                    account_id INTEGER NOT NULL REFERENCES account(id),
                    topic_id TEXT NOT NULL REFERENCES topic(id),
                    issuer_key_id INTEGER NOT NULL REFERENCES issuer_key(id),
                    document TEXT NOT NULL,                    -- the signed document, RFC 8785 canonical form
                    issued_at INTEGER NOT NULL,
                    revoked_at INTEGER
                ) STRICT;
                -- One live certificate per teacher and topic; a corrected one follows a revocation.
                CREATE UNIQUE INDEX certificate_live_holder ON certificate(topic_id, account_id) WHERE revoked_at IS NULL;
                CREATE INDEX certificate_account ON certificate(account_id, topic_id);

                CREATE TABLE certificate_revocation (
                    serial_number INTEGER PRIMARY KEY NOT NULL REFERENCES certificate(serial_number),
                    reason TEXT NOT NULL CHECK (length(reason) > 0),
                    revoked_at INTEGER NOT NULL,
                    actor_uid INTEGER
                ) STRICT;

                -- Serials are a keyed permutation of a counter: unique by construction, not guessable
                -- from one another. The key is drawn once, here, for each database.
                CREATE TABLE certificate_serial_state (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    permutation_key INTEGER NOT NULL,
                    next_sequence INTEGER NOT NULL
                ) STRICT;
                INSERT INTO certificate_serial_state (id, permutation_key, next_sequence) VALUES (1, random(), 0);
                """)
        }
    }
}
