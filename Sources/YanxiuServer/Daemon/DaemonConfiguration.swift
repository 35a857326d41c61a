import Foundation
import Logging
import Yanxiu

/// Every setting of the daemon, with defaults that serve a single machine.
public struct DaemonConfiguration: Sendable, Equatable {
    public var stateDirectory = ".yanxiu"
    /// Where the data lives: SQLite in the state folder (the default), or a PostgreSQL server.
    public var store = StoreKind.sqlite
    /// libpq connection string (key=value or postgresql:// URI) when `store` is PostgreSQL.
    public var postgresql = ""
    /// Empty means `<stateDirectory>/yanxiud.sock`.
    public var socketPath = ""
    public var socketMode: UInt32 = 0o660
    public var operatorUIDs: [UInt32] = []
    public var operatorGroups: [String] = ["yanxiu-operators"]
    public var maxLineBytes = 1 << 20
    public var maxConnections = 4096
    public var maxInFlightPerConnection = 64
    public var idleTimeoutSeconds = 300.0
    /// Seconds a graceful stop waits for connections to finish their requests before closing
    /// the rest (a client that never reads its replies would otherwise hold the stop).
    public var shutdownGraceSeconds = 30.0
    public var logLevel = Logger.Level.info
    public var testClock = false
    public var sessionLifetimeSeconds = 7.0 * 24 * 3600
    /// The topic an empty database gets on first start: `embedded` (the 2023 winter sample), `none`, or a topic document file.
    public var firstStartTopic = "embedded"
    public var progress = ProgressSettings()
    /// Serial lanes of the heartbeat pool; 0 means twice the processor count.
    public var progressLanes = 0
    public var laneQueueLimit = 4096
    public var journalPruneIntervalSeconds = 3600.0
    public var supportContact = "电话/QQ 4008980910（工作日 8:30-17:00）"
    /// `outbox` keeps messages for `sms.outbox`; `command` runs `smsCommand` with phone and message.
    public var smsProvider = "outbox"
    public var smsCommand = ""
    public var smsCommandTimeoutSeconds = 10.0
    public var smsCodeLifetimeSeconds = 300
    public var smsResendIntervalSeconds = 60
    public var smsDailyLimit = 10
    public var smsMaxAttempts = 5
    public var loginMaxFailures = 5
    public var loginLockSeconds = 900
    /// Days the outbox keeps messages, and the audit keeps anonymous login failures.
    public var smsOutboxRetentionDays = 7
    public var auditFailureRetentionDays = 90
    /// Seconds between passes that prune account records past their time.
    public var retentionIntervalSeconds = 3600.0
    /// log2 of scrypt's N for new password hashes; raising it rehashes old ones at their next login.
    public var passwordScryptLogN = 15
    /// Whether the built-in sample directory is loaded on the first start of an empty database.
    public var loadSampleDirectory = true
    /// The issuer's private key file; empty means the systemd credential, else `<stateDirectory>/issuer-key`.
    public var issuerKeyPath = ""
    /// The name certificates carry as their issuer's.
    public var issuerName = IssuerKeyring.defaultIssuerName
    /// The public address of the certificate verification page (`contrib/verify/`), printed on
    /// certificates and put in their QR codes; empty when none is published.
    public var verificationURL = ""
    /// TrueType fonts of printed certificates, in priority order.
    public var certificateFontPaths = CertificatePDFRenderer.defaultFontPaths

    public init() {}

    /// What the account tables keep, from the settings.
    public var accountsRetention: AccountsRetention {
        AccountsRetention(
            outboxMs: Int64(smsOutboxRetentionDays) * 86_400_000, failureAuditMs: Int64(auditFailureRetentionDays) * 86_400_000,
            loginWindowMs: Int64(loginLockSeconds) * 1000, smsWindowMs: SMSRateLimit.standard.windowMs)
    }

    public var resolvedSocketPath: String {
        socketPath.isEmpty ? (stateDirectory as NSString).appendingPathComponent("yanxiud.sock") : socketPath
    }

    public var databasePath: String { (stateDirectory as NSString).appendingPathComponent("yanxiu.sqlite") }

    /// libpq settings the connection string may override: a password file given as the systemd
    /// credential `postgresql-passfile`, when there is one.
    public var postgresqlDefaults: [String: String] {
        guard let credentials = ProcessInfo.processInfo.environment["CREDENTIALS_DIRECTORY"] else { return [:] }
        let passfile = (credentials as NSString).appendingPathComponent("postgresql-passfile")
        return FileManager.default.fileExists(atPath: passfile) ? ["passfile": passfile] : [:]
    }

    /// Where the configuration file is looked for when none is named.
    public static let defaultFile = "/etc/yanxiu/yanxiud.conf"
}

/// The engine the daemon keeps its data in.
public enum StoreKind: String, Sendable, Equatable {
    case sqlite
    case postgresql
}

/// A setting that could not be understood.
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
