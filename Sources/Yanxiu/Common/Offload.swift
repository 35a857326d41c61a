import Dispatch

/// Runs blocking or CPU-heavy work (scrypt, signing, file I/O) on a Dispatch queue, never on
/// an event loop or the cooperative pool, and resumes the caller with its result.
public enum Offload {
    private static let queue = DispatchQueue(label: "yanxiu.offload", qos: .userInitiated, attributes: .concurrent)

    public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}
