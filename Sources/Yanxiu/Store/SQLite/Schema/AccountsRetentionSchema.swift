import GRDB

/// Password locks per phone (registered or not) and client and what retention needs: indexes by age,
/// and an audit that lets go of anonymous login failures once they are old.
enum AccountsRetentionSchema {
    /// Audit actions an anonymous caller can cause; the only ones retention removes.
    static let anonymousFailureActions = ["account.login_failed", "account.locked"]

    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v8-login-locks-and-retention") { db in
            try db.execute(sql: """
                -- Locks are kept per phone, whether it has an account or not, so that a lock says nothing about
                -- registration, and per client (the person as the back end names them; '' for calls naming
                -- none), so that one person's guesses never lock another; account.password_locked_until is
                -- no longer read or written, and its locks become the shared ones of calls naming no client.
                CREATE TABLE login_lock (
                    phone TEXT NOT NULL,
                    client TEXT NOT NULL,
                    locked_until INTEGER NOT NULL,
                    PRIMARY KEY (phone, client)
                ) STRICT, WITHOUT ROWID;
                INSERT INTO login_lock (phone, client, locked_until)
                    SELECT phone, '', password_locked_until FROM account WHERE password_locked_until IS NOT NULL;
                UPDATE account SET password_locked_until = NULL WHERE password_locked_until IS NOT NULL;
                CREATE INDEX login_lock_until ON login_lock(locked_until);

                -- Failures are counted per phone and client too; the ones recorded before named no client.
                ALTER TABLE login_failure ADD COLUMN client TEXT NOT NULL DEFAULT '';
                DROP INDEX login_failure_phone;
                CREATE INDEX login_failure_phone_client ON login_failure(phone, client, at);
                CREATE INDEX login_failure_at ON login_failure(at);
                CREATE INDEX session_expires ON session(expires_at);
                CREATE INDEX sms_code_created ON sms_code(created_at);
                CREATE INDEX sms_outbox_sent ON sms_outbox(sent_at);
                CREATE INDEX audit_at ON audit(at);

                DROP TRIGGER audit_append_only_delete;
                CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
                    WHEN old.actor_account IS NOT NULL OR old.action NOT IN ('account.login_failed', 'account.locked')
                BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
                """)
        }
    }
}
