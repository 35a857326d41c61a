import Foundation

/// One issued SMS code as stored: its hash, never the code.
public struct SMSCodeRecord: Sendable, Equatable {
    public var id: Int64
    public var codeHash: Data
    public var expiresAt: Int64
    public var failedAttempts: Int
    public var usedAt: Int64?
}

/// One message the outbox provider holds for operators (`sms.outbox`).
public struct SMSMessage: Sendable, Equatable {
    public var phone: String
    public var text: String
    public var sentAt: Int64
}
