import Foundation

/// How codes reach phones, chosen in the configuration.
public enum SMSProvider: Sendable, Equatable {
    /// Messages are kept in the database for operators (`sms.outbox`): the embedded default.
    case outbox
    /// A program is run with the phone (E.164) as its argument and the message on its standard input.
    case command(path: String, timeoutSeconds: Double)

    /// Stores the message for the outbox provider, in the same transaction as its code.
    public func store(_ tx: any StoreTransaction, phone: String, text: String, now: Int64) throws {
        guard case .outbox = self else { return }
        try tx.accounts.addToOutbox(phone: phone, text: text, at: now)
    }

    /// Hands the message to the gateway program; a no-op for the outbox. Blocks: call through `Offload.run`.
    public func deliver(phone: PhoneNumber, text: String) throws {
        guard case .command(let path, let timeout) = self else { return }
        try SMSCommand(path: path, timeoutSeconds: timeout).run(arguments: [phone.e164], input: text + "\n")
    }
}

/// Why the gateway program did not take a message.
public struct SMSDeliveryError: Error, Sendable, CustomStringConvertible {
    public let description: String
}

/// Runs the gateway program directly (no shell, so a message can never become a command) with a time limit.
/// The message, which holds the code, goes on standard input: arguments are readable by every local user.
struct SMSCommand {
    let path: String
    let timeoutSeconds: Double

    func run(arguments: [String], input: String) throws {
        let ending: ChildProgram.Ending
        do {
            ending = try ChildProgram(path: path, arguments: arguments, input: Array(input.utf8)).run(timeoutSeconds: timeoutSeconds)
        } catch {
            throw SMSDeliveryError(description: "cannot start \(path): \(error.description)")
        }
        switch ending {
        case .exited(0): return
        case .exited(let status): throw SMSDeliveryError(description: "\(path) failed with status \(status)")
        case .killedBySignal(let signal): throw SMSDeliveryError(description: "\(path) was killed by signal \(signal)")
        case .timedOut: throw SMSDeliveryError(description: "\(path) did not finish within \(timeoutSeconds) s")
        case .vanished: throw SMSDeliveryError(description: "\(path) ended with an unknown status")
        }
    }
}
