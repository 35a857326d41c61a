import ArgumentParser
import JSONRPC

/// `yanxiuctl accounts …`
struct Accounts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Accounts: look up, rebind a lost phone, reset a forgotten password, grant administration.",
        subcommands: [Show.self, RebindPhone.self, ResetPassword.self, Grant.self, Revoke.self, Grants.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an account by user id or phone.")
        @OptionGroup var options: GlobalOptions
        @Flag(help: "Show phone and ID numbers in full.") var unmasked = false
        @Argument(help: "User id, or a phone number.") var account: String
        func run() throws {
            var params: JSONObject = ["unmasked": .bool(unmasked)]
            if let id = Int64(account), account.count < 11 { params["userId"] = .int64(id) } else { params["phone"] = .string(account) }
            Output.result(try Session(options).call("account.get", params), json: options.json)
        }
    }

    struct RebindPhone: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rebind-phone", abstract: "Move an account whose old phone is gone to a new phone (checked against name, ID number and old phone).")
        @OptionGroup var options: GlobalOptions
        @Option(help: "Support ticket reference (required, recorded in the audit).") var ticket: String
        @Option(help: "Real name on the account.") var name: String
        @Option(name: .customLong("id-number"), help: "ID number on the account.") var idNumber: String
        @Option(name: .customLong("old-phone"), help: "The lost number.") var oldPhone: String
        @Option(name: .customLong("new-phone"), help: "The number to bind.") var newPhone: String
        @Argument(help: "User id.") var user: Int64
        func run() throws {
            let params: JSONObject = [
                "userId": .int64(user), "name": .string(name), "idNumber": .string(idNumber),
                "oldPhone": .string(oldPhone), "newPhone": .string(newPhone), "ticket": .string(ticket),
            ]
            Output.result(try Session(options).call("account.rebindPhone", params), json: options.json)
        }
    }

    struct ResetPassword: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password",
            abstract: "Set a new password with a resetPassword code sent to the phone; the new password is read from standard input.")
        @OptionGroup var options: GlobalOptions
        @Option(help: "The resetPassword code the phone received.") var code: String
        @Argument(help: "Phone number.") var phone: String
        func run() throws {
            // Never an argument: command lines are readable by every local user.
            guard let password = readLine(strippingNewline: true), !password.isEmpty else {
                throw ValidationError("give the new password on standard input")
            }
            let params: JSONObject = ["phone": .string(phone), "code": .string(code), "newPassword": .string(password)]
            Output.result(try Session(options).call("account.resetPassword", params), json: options.json)
        }
    }

    struct Grant: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make an account schoolAdmin of a school id or countyAdmin of a county code.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "User id.") var user: Int64
        @Argument(help: "schoolAdmin or countyAdmin.") var role: String
        @Argument(help: "School id or county region code.") var scope: String
        func run() throws {
            Output.result(try Session(options).call("admin.grant", ["userId": .int64(user), "role": .string(role), "scope": .string(scope)]), json: options.json)
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Withdraw a grant.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "User id.") var user: Int64
        @Argument(help: "schoolAdmin or countyAdmin.") var role: String
        @Argument(help: "School id or county region code.") var scope: String
        func run() throws {
            Output.result(try Session(options).call("admin.revoke", ["userId": .int64(user), "role": .string(role), "scope": .string(scope)]), json: options.json)
        }
    }

    struct Grants: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List grants (of one account with --user).")
        @OptionGroup var options: GlobalOptions
        @Option(help: "Only this user id.") var user: Int64?
        func run() throws {
            var params = JSONObject()
            if let user { params["userId"] = .int64(user) }
            Output.result(try Session(options).call("admin.list", params), json: options.json)
        }
    }
}
