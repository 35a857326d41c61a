/// A code sent: when it expires and how long until the phone may ask again for this purpose.
public struct SentCode: Sendable, Equatable {
    public var expiresAt: Int64
    public var resendAfterMs: Int64
}

extension AccountService {
    /// Issues a code for the phone and purpose (429 `sms.rate_limited` past the limits) and hands it
    /// to the provider; a code the gateway did not take is withdrawn (503 `sms.delivery_failed`).
    public func requestCode(phone: PhoneNumber, purpose: SMSPurpose, provider: SMSProvider) async throws -> SentCode {
        let now = clock.nowMs
        let codes = self.codes
        let minutes = Int(codes.lifetimeMs / 60_000)
        let issued = try await store.write { tx in
            let (id, code) = try codes.issue(tx, phone: phone.digits, purpose: purpose, now: now)
            let text = SMSCodeText.message(code: code, purposeLabel: purpose.label, validMinutes: max(minutes, 1))
            try provider.store(tx, phone: phone.digits, text: text, now: now)
            return (id: id, text: text)
        }
        do {
            // The gateway program may take seconds: it runs on the offload queue, never on an event loop.
            try await Offload.run { try provider.deliver(phone: phone, text: issued.text) }
        } catch {
            logger.error("sms delivery failed", metadata: ["sms.phone": "\(phone)", "error": "\(error)"])
            _ = try? await store.write { tx in try codes.withdraw(tx, id: issued.id) }
            throw DomainError(.unavailable, "sms.delivery_failed", "The SMS gateway did not take the message; try again", data: ["retryAfterMs": 5000])
        }
        return SentCode(expiresAt: now + codes.lifetimeMs, resendAfterMs: codes.rateLimit.resendIntervalMs)
    }

    /// The messages the outbox provider holds for the phone, newest first.
    public func outbox(phone: PhoneNumber, limit: Int) async throws -> [SMSMessage] {
        try await store.read { tx in try tx.accounts.outbox(phone: phone.digits, limit: limit) }
    }
}
