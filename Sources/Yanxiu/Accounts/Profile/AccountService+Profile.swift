extension AccountService {
    /// The account's profile, or 404 `account.unknown`.
    public func profile(accountID: Int64) async throws -> AccountProfile {
        let now = clock.nowMs
        return try await store.read { tx in try AccountProfile.read(tx, accountID: accountID, now: now) }
    }

    /// The profile of the account holding the phone, or 404 `account.unknown`.
    public func profile(phone: PhoneNumber) async throws -> AccountProfile {
        let now = clock.nowMs
        return try await store.read { tx in
            guard let account = try tx.accounts.account(phone: phone.digits) else {
                throw DomainError.notFound("account.unknown", "No account has this phone number")
            }
            return try AccountProfile.read(tx, accountID: account.id, now: now)
        }
    }

    /// Sets identity and nickname (`ProfileEditor.setIdentity`); returns the profile as it now is.
    public func setIdentity(accountID: Int64, identity: String, nickname: String, actor: AuditActor) async throws -> AccountProfile {
        let now = clock.nowMs
        return try await store.write { tx in
            try ProfileEditor.setIdentity(tx, accountID: accountID, identity: identity, nickname: nickname, actor: actor, now: now)
            return try AccountProfile.read(tx, accountID: accountID, now: now)
        }
    }

    /// Saves name, teacher type and school (`ProfileEditor.updateBasicInfo`); returns the profile as it now is.
    public func updateBasicInfo(accountID: Int64, info: ProfileEditor.BasicInfo) async throws -> AccountProfile {
        let now = clock.nowMs
        return try await store.write { tx in
            try ProfileEditor.updateBasicInfo(tx, accountID: accountID, info: info, now: now)
            return try AccountProfile.read(tx, accountID: accountID, now: now)
        }
    }

    /// Saves ID, title, stage and subject (`ProfileEditor.updateDetails`); returns the profile as it now is.
    public func updateDetails(accountID: Int64, details: ProfileEditor.Details) async throws -> AccountProfile {
        let now = clock.nowMs
        return try await store.write { tx in
            try ProfileEditor.updateDetails(tx, accountID: accountID, details: details, now: now)
            return try AccountProfile.read(tx, accountID: accountID, now: now)
        }
    }
}
