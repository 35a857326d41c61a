#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A value that threads share, guarded by a POSIX mutex.
///
/// The standard library's `Mutex` is a priority-inheritance futex on Linux: ThreadSanitizer
/// cannot see it (every access it guards is reported as a race), and under contention the
/// kernel hands it to the next waiting thread, which must be scheduled before anyone goes on.
/// `pthread_mutex_lock` is intercepted by the sanitizer and lets a running thread take a
/// released lock, so shared state in this project goes through this type.
///
/// `Value` must not be empty (`()`): ThreadSanitizer places the inout access of an empty
/// stored property at the object's own address, where every caller reads the class's
/// metadata pointer without the lock, and reports a race that is not there. Guard the data
/// the lock is for instead.
public final class Locked<Value> {
    @usableFromInline let mutex: UnsafeMutablePointer<pthread_mutex_t>
    @usableFromInline var value: Value

    public init(_ value: Value) {
        precondition(MemoryLayout<Value>.size > 0, "Locked needs a value to guard, not an empty type")
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        let status = pthread_mutex_init(mutex, nil)
        precondition(status == 0, "pthread_mutex_init failed: \(status)")
        self.value = value
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` with exclusive access to the value.
    @inlinable
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}

extension Locked: @unchecked Sendable where Value: Sendable {}
