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
                let messages = try await app.accounts.outbox(phone: phone, limit: limit)
                return ["messages": .array(messages.map(AccountRendering.message))]
            },
        ]
    }

    static func requestCode(_ app: AppContext, _ call: RPCCall) async throws -> JSONValue {
        let phone = try AccountParams.phone(call)
        let purpose = SMSPurpose(rawValue: try call.params.require("purpose"))!
        let sent = try await app.accounts.requestCode(phone: phone, purpose: purpose, provider: app.smsProvider)
        return ["sent": true, "phone": .string(phone.masked), "expiresAt": timestamp(sent.expiresAt), "resendAfterMs": .int64(sent.resendAfterMs)]
    }
}
