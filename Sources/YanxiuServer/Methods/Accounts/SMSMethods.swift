import GRDB
import JSONRPC
import Yanxiu

/// `sms.requestCode` and the operators' `sms.outbox`.
struct SMSMethods {
    let app: AppContext

    func descriptors() -> [MethodDescriptor] {
        let app = self.app
        return [
            MethodDescriptor(
                "sms.requestCode", "Sends a six-digit code to a mainland mobile number, valid 5 minutes, for one purpose.", access: .anyone,
                params: [
                    .string("phone", "mainland mobile number; +86 and separators are normalised away", maxLength: 32),
                    .string("purpose", "what the code is for", oneOf: SMSPurpose.allCases.map(\.rawValue)),
                ],
                result: "{sent, phone (masked), expiresAt, resendAfterMs}",
                errors: ["params.invalid", "sms.rate_limited", "sms.delivery_failed"]
            ) { call in try await Self.requestCode(app, call) },
            MethodDescriptor(
                "sms.outbox", "The messages the built-in outbox provider holds for a phone, newest first.", access: .operator,
                params: [
                    .string("phone", "mainland mobile number", maxLength: 32),
                    .integer("limit", required: false, "at most this many (default 20, at most 500)", minimum: 1),
                ],
                result: "{messages: [{phone, text, sentAt}]}", errors: ["params.invalid", "auth.operator_required"]
            ) { call in
                let phone = try AccountParams.phone(call)
                let limit = min(call.params.int("limit") ?? 20, 500)
                let messages = try await app.store.readDatabase { db in
                    try Row.fetchAll(db, sql: "SELECT * FROM sms_outbox WHERE phone = ? ORDER BY sent_at DESC, id DESC LIMIT ?",
                                     arguments: [phone.digits, limit])
                        .map { row -> JSONValue in ["phone": .string(row["phone"]), "text": .string(row["text"]), "sentAt": timestamp(row["sent_at"])] }
                }
                return ["messages": .array(messages)]
            },
        ]
    }

    static func requestCode(_ app: AppContext, _ call: RPCCall) async throws -> JSONValue {
        let phone = try AccountParams.phone(call)
        let purpose = SMSPurpose(rawValue: try call.params.require("purpose"))!
        let now = app.clock.nowMs
        let book = app.smsCodes
        let provider = app.smsProvider
        let minutes = app.configuration.smsCodeLifetimeSeconds / 60
        let issued = try await app.store.writeDatabase { db in
            let (id, code) = try book.issue(db, phone: phone.digits, purpose: purpose, now: now)
            let text = SMSCodeText.message(code: code, purposeLabel: purpose.label, validMinutes: max(minutes, 1))
            try provider.store(db, phone: phone.digits, text: text, now: now)
            return (id: id, text: text)
        }
        do {
            // The gateway program may take seconds: it runs on the offload queue, never on an event loop.
            try await Offload.run { try provider.deliver(phone: phone, text: issued.text) }
        } catch {
            app.logger.error("sms delivery failed", metadata: ["sms.phone": "\(phone)", "error": "\(error)"])
            _ = try? await app.store.writeDatabase { db in try book.withdraw(db, id: issued.id) }
            throw DomainError(.unavailable, "sms.delivery_failed", "The SMS gateway did not take the message; try again", data: ["retryAfterMs": 5000])
        }
        return [
            "sent": true, "phone": .string(phone.masked), "expiresAt": timestamp(now + book.lifetimeMs),
            "resendAfterMs": .int64(book.rateLimit.resendIntervalMs),
        ]
    }
}
