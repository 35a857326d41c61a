import Foundation

/// What a sanitizer runtime adds to the figures the tests measure. The daemon is built with
/// the same flags as the tests, so the test process's runtime tells which one it runs under.
enum Sanitizer {
    /// Megabytes of freed blocks AddressSanitizer keeps in quarantine to catch use after free,
    /// which show in the resident size (`quarantine_size_mb`, 256 unless ASAN_OPTIONS says
    /// otherwise); 0 without AddressSanitizer.
    static var addressQuarantineMB: Int {
        guard dlsym(nil, "__asan_init") != nil else { return 0 }
        let options = ProcessInfo.processInfo.environment["ASAN_OPTIONS"] ?? ""
        for option in options.split(whereSeparator: { $0 == ":" || $0 == "," || $0 == " " }) {
            let parts = option.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0] == "quarantine_size_mb", let value = Int(parts[1]) { return max(value, 0) }
        }
        return 256
    }
}
