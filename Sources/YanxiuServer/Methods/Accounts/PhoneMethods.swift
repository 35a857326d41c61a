import Foundation
import JSONRPC
import Yanxiu

/// Phone change by its owner, and the support path when the old number is gone.
struct PhoneMethods {
    let app: AppContext

    func descriptors() -> [MethodDescriptor] {
        let app = self.app
        return [
            MethodDescriptor(
                "account.changePhone",
                "Moves the account to a new phone: a changePhoneOld code sent to the current phone and a changePhoneNew code sent to the new one, used up only when the change happens. A new phone that has an account is refused (account.exists) only once both codes are proven. Every session ends; a new one is returned.",
                access: .user,
                params: [
                    .string("session", "session token"), .string("oldCode", "code sent to the current phone", maxLength: 16),
                    .string("newPhone", "the new mainland mobile number", maxLength: 32), .string("newCode", "code sent to the new phone", maxLength: 16),
                ],
                result: "{session, userId, expiresAt, phone}",
                errors: ["params.invalid", "session.unknown", "session.expired", "sms.code_invalid", "account.exists"]
            ) { call in
                let session = try await app.account(call)
                let newPhone = try AccountParams.phone(call, "newPhone")
                let oldCode = try AccountParams.code(call, "oldCode")
                let newCode = try AccountParams.code(call, "newCode")
                let opened = try await app.accounts.changePhone(
                    session, oldCode: oldCode, newPhone: newPhone, newCode: newCode, actor: app.actor(call, account: session))
                var result = AccountRendering.session(opened).objectValue!
                result["phone"] = .string(newPhone.masked)
                return .object(result)
            },
            MethodDescriptor(
                "account.rebindPhone",
                "Support staff move an account whose old phone is gone: name, ID number and old phone must match; the ticket is recorded in the audit.",
                access: .operator,
                params: [
                    .integer("userId", "the account"), .string("name", "real name on the account", maxLength: 200),
                    .string("idNumber", "ID number on the account", maxLength: 64), .string("oldPhone", "the lost number", maxLength: 32),
                    .string("newPhone", "the number to bind", maxLength: 32), .string("ticket", "support ticket reference", maxLength: 64),
                ],
                result: "{userId, phone}",
                errors: ["params.invalid", "auth.operator_required", "account.unknown", "rebind.mismatch", "account.exists"]
            ) { call in
                let oldPhone = try AccountParams.phone(call, "oldPhone")
                let newPhone = try AccountParams.phone(call, "newPhone")
                let ticket = String(try call.params.require("ticket").trimmingCharacters(in: .whitespaces))
                guard !ticket.isEmpty else { throw DomainError.invalid(field: "ticket", reason: "required") }
                let request = PhoneChange.RebindRequest(
                    accountID: try AccountParams.userID(call), name: try call.params.require("name").trimmingCharacters(in: .whitespaces),
                    idNumber: try call.params.require("idNumber"), oldPhone: oldPhone.digits, newPhone: newPhone.digits, ticket: ticket)
                try await app.accounts.rebindPhone(request, actor: app.actor(call))
                app.logger.notice("phone rebound", metadata: ["account.id": "\(request.accountID)", "peer.uid": "\(call.peer.uid)", "ticket": "\(ticket)"])
                return ["userId": .int64(request.accountID), "phone": .string(newPhone.masked)]
            },
        ]
    }
}
