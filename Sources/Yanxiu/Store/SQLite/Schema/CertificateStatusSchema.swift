import GRDB

/// W3C Bitstring Status Lists: the lists, and each certificate's place in one.
enum CertificateStatusSchema {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7-certificate-status") { db in
            try db.execute(sql: """
                -- W3C Bitstring Status Lists: each holds 131,072 revocation bits, one per certificate.
                -- The address is fixed when the list is made, as the certificates name it.
                CREATE TABLE certificate_status_list (
                    id INTEGER PRIMARY KEY NOT NULL,           -- 1, 2, …
                    url TEXT NOT NULL UNIQUE,                  -- the list credential's id
                    created_at INTEGER NOT NULL
                ) STRICT;
                -- Certificates issued before status lists have neither column.
                ALTER TABLE certificate ADD COLUMN status_list_id INTEGER REFERENCES certificate_status_list(id);
                ALTER TABLE certificate ADD COLUMN status_index INTEGER;
                CREATE UNIQUE INDEX certificate_status_bit ON certificate(status_list_id, status_index) WHERE status_list_id IS NOT NULL;
                -- The set bits of a list, read without walking its 131,072 certificates.
                CREATE INDEX certificate_status_revoked ON certificate(status_list_id, status_index) WHERE revoked_at IS NOT NULL;
                ALTER TABLE certificate_serial_state ADD COLUMN next_status_position INTEGER NOT NULL DEFAULT 0;
                """)
        }
    }
}
