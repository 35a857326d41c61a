import Logging

/// The metadata handling both handlers share: which metadata applies to an event, and how
/// nested values become flat `key=value` pairs.
enum LogMetadata {
    /// Handler metadata, then the provider's, then the call's own, each overriding the one
    /// before; an attached error becomes `error.message` and `error.type`, the keys
    /// swift-log's own handlers use.
    static func effective(
        base: Logger.Metadata,
        provider: Logger.MetadataProvider?,
        explicit: Logger.Metadata?,
        error: (any Error)?
    ) -> Logger.Metadata {
        var metadata = base
        if let provided = provider?.get(), !provided.isEmpty {
            metadata.merge(provided) { _, new in new }
        }
        if let explicit, !explicit.isEmpty {
            metadata.merge(explicit) { _, new in new }
        }
        if let error {
            metadata["error.message"] = "\(error)"
            metadata["error.type"] = "\(String(reflecting: type(of: error)))"
        }
        return metadata
    }

    /// Sorted by key; dictionaries become dotted keys (`["rpc": ["method": "ping"]]` →
    /// `rpc.method=ping`) so they map to the same journal fields as dotted keys do;
    /// arrays become `[a, b]`.
    static func flatten(_ metadata: Logger.Metadata) -> [(key: String, value: String)] {
        var pairs: [(key: String, value: String)] = []
        for (key, value) in metadata {
            append(key: key, value: value, to: &pairs)
        }
        return pairs.sorted { $0.key < $1.key }
    }

    private static func append(
        key: String,
        value: Logger.MetadataValue,
        to pairs: inout [(key: String, value: String)]
    ) {
        switch value {
        case .dictionary(let nested) where !nested.isEmpty:
            for (nestedKey, nestedValue) in nested {
                append(key: key + "." + nestedKey, value: nestedValue, to: &pairs)
            }
        default:
            pairs.append((key, string(value)))
        }
    }

    static func string(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let text): text
        case .stringConvertible(let convertible): convertible.description
        case .array(let items): "[" + items.map(string).joined(separator: ", ") + "]"
        case .dictionary(let entries):
            "[" + entries.sorted { $0.key < $1.key }
                .map { "\($0.key): \(string($0.value))" }
                .joined(separator: ", ") + "]"
        }
    }
}
