import Foundation
import Postgres
import Logging

extension DaemonConfiguration {
    /// Applies a `key = value` file (`#` starts a comment) on top of the current values.
    public mutating func apply(file path: String) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError("cannot read configuration file \(path): \(error.localizedDescription)")
        }
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard let equals = trimmed.firstIndex(of: "=") else {
                throw ConfigurationError("\(path):\(number + 1): expected key = value")
            }
            let key = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
            let value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            do {
                try set(key, value)
            } catch let error as ConfigurationError {
                throw ConfigurationError("\(path):\(number + 1): \(error.description)")
            }
        }
    }

    /// Sets one setting by its file name.
    public mutating func set(_ key: String, _ value: String) throws {
        switch key {
        case "state-dir": stateDirectory = value
        case "store":
            guard let kind = StoreKind(rawValue: value) else { throw ConfigurationError("store must be sqlite or postgresql") }
            store = kind
        case "postgresql":
            guard !PostgresConnectionString.holdsPassword(value) else {
                throw ConfigurationError("postgresql must not hold a password: use a password file (passfile=..., or the systemd credential postgresql-passfile)")
            }
            postgresql = value
        case "socket": socketPath = value
        case "socket-mode":
            guard let mode = UInt32(value, radix: 8), mode <= 0o777 else { throw ConfigurationError("socket-mode must be octal, e.g. 0660") }
            socketMode = mode
        case "operator-uids": operatorUIDs = try list(value).map { try Self.number($0, key) }
        case "operator-groups": operatorGroups = list(value)
        case "max-line-bytes": maxLineBytes = try Self.positive(value, key)
        case "max-connections": maxConnections = try Self.positive(value, key)
        case "max-in-flight": maxInFlightPerConnection = try Self.positive(value, key)
        case "idle-timeout": idleTimeoutSeconds = try Self.positiveSeconds(value, key)
        case "shutdown-grace": shutdownGraceSeconds = try Self.positiveSeconds(value, key)
        case "log-level": logLevel = try Self.level(value)
        case "support-contact": supportContact = value
        case "first-start-topic": firstStartTopic = value
        case "heartbeat-interval": progress.heartbeatIntervalMs = try Self.milliseconds(value, key)
        case "jitter-allowance": progress.jitterAllowanceMs = try Self.milliseconds(value, key)
        case "span-cap": progress.spanCapMs = try Self.milliseconds(value, key)
        case "journal-retention-days": progress.journalRetentionMs = Int64(try Self.positive(value, key)) * 86_400_000
        case "journal-prune-interval": journalPruneIntervalSeconds = try Self.positiveSeconds(value, key)
        case "progress-lanes": progressLanes = try Self.positive(value, key)
        case "lane-queue-limit": laneQueueLimit = try Self.positive(value, key)
        case "session-lifetime":
            guard let seconds = Double(value), seconds >= 60 else { throw ConfigurationError("session-lifetime must be at least 60 seconds") }
            sessionLifetimeSeconds = seconds
        case "sms-provider":
            guard value == "outbox" || value == "command" else { throw ConfigurationError("sms-provider must be outbox or command") }
            smsProvider = value
        case "sms-command":
            guard value.hasPrefix("/") else { throw ConfigurationError("sms-command must be an absolute path") }
            smsCommand = value
        case "sms-command-timeout": smsCommandTimeoutSeconds = try Self.positiveSeconds(value, key)
        case "sms-code-ttl": smsCodeLifetimeSeconds = try Self.positive(value, key)
        case "sms-resend-interval": smsResendIntervalSeconds = try Self.positive(value, key)
        case "sms-daily-limit": smsDailyLimit = try Self.positive(value, key)
        case "sms-max-attempts": smsMaxAttempts = try Self.positive(value, key)
        case "login-max-failures": loginMaxFailures = try Self.positive(value, key)
        case "login-lock": loginLockSeconds = try Self.positive(value, key)
        case "sms-outbox-retention-days": smsOutboxRetentionDays = try Self.positive(value, key)
        case "audit-failure-retention-days": auditFailureRetentionDays = try Self.positive(value, key)
        case "retention-interval": retentionIntervalSeconds = try Self.positiveSeconds(value, key)
        case "password-scrypt-log-n":
            guard let logN = Int(value), (10...20).contains(logN) else { throw ConfigurationError("password-scrypt-log-n must be 10 to 20") }
            passwordScryptLogN = logN
        case "sample-directory":
            guard value == "load" || value == "none" else { throw ConfigurationError("sample-directory must be load or none") }
            loadSampleDirectory = value == "load"
        case "issuer-key": issuerKeyPath = value
        case "issuer-name":
            guard !value.isEmpty else { throw ConfigurationError("issuer-name must not be empty") }
            issuerName = value
        case "verification-url":
            guard value.isEmpty || value.hasPrefix("https://") || value.hasPrefix("http://"), !value.contains(where: \.isWhitespace) else {
                throw ConfigurationError("verification-url must be an http:// or https:// address without spaces")
            }
            verificationURL = value
        case "font-paths":
            let paths = list(value)
            guard !paths.isEmpty else { throw ConfigurationError("font-paths must name at least one TrueType font") }
            certificateFontPaths = paths
        default: throw ConfigurationError("unknown setting \(key)")
        }
    }

    private func list(_ value: String) -> [String] {
        value.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
    }

    static func number(_ value: String, _ key: String) throws -> UInt32 {
        guard let number = UInt32(value) else { throw ConfigurationError("\(key): \(value) is not a number") }
        return number
    }

    /// A number of seconds (fractions allowed) as milliseconds.
    static func milliseconds(_ value: String, _ key: String) throws -> Int64 {
        guard let seconds = Double(value), seconds >= 0, seconds < 1e7 else { throw ConfigurationError("\(key) must be a number of seconds") }
        return Int64((seconds * 1000).rounded())
    }

    /// A positive number of seconds, fractions allowed.
    static func positiveSeconds(_ value: String, _ key: String) throws -> Double {
        guard let seconds = Double(value), seconds > 0 else { throw ConfigurationError("\(key) must be a positive number of seconds") }
        return seconds
    }

    static func positive(_ value: String, _ key: String) throws -> Int {
        guard let number = Int(value), number > 0 else { throw ConfigurationError("\(key) must be a positive integer") }
        return number
    }

    public static func level(_ value: String) throws -> Logger.Level {
        guard let level = Logger.Level(rawValue: value.lowercased()) else {
            throw ConfigurationError("log level must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return level
    }
}
