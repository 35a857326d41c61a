#if canImport(Glibc)
import Glibc
#endif

/// A libsystemd call that failed, with the errno it reported.
public struct SystemdError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The C function that failed, e.g. `sd_listen_fds_with_names`.
    public let operation: String
    /// The positive errno value (libsystemd returns it negated).
    public let code: Int32

    public init(operation: String, code: Int32) {
        self.operation = operation
        self.code = code
    }

    /// Builds the error from a libsystemd return value, which is `-errno` on failure.
    init(operation: String, returnValue: Int32) {
        self.init(operation: operation, code: -returnValue)
    }

    public var description: String {
        "\(operation) failed: \(String(cString: strerror(code))) (errno \(code))"
    }
}
