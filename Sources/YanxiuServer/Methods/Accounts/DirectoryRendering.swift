import JSONRPC
import Yanxiu

/// The wire shapes of regions, schools and the directory imports.
enum DirectoryRendering {
    static func region(_ region: Region) -> JSONValue {
        ["code": .string(region.code), "name": .string(region.name), "level": .string(region.level.rawValue), "parentCode": .optional(region.parentCode)]
    }

    static func school(_ school: School) -> JSONValue {
        [
            "schoolId": .int64(school.id), "name": .string(school.name), "regionCode": .string(school.regionCode),
            "isOther": .bool(school.isOther), "code": .optional(school.code),
        ]
    }

    /// The reply of the import methods; at most 100 refused rows are listed, all are counted.
    static func importSummary(_ summary: ImportSummary) -> JSONValue {
        [
            "inserted": .int(summary.inserted), "updated": .int(summary.updated), "unchanged": .int(summary.unchanged),
            "rejectedCount": .int(summary.rejected.count),
            "rejected": .array(summary.rejected.prefix(100).map { ["line": .int($0.line), "reason": .string($0.reason)] }),
        ]
    }
}
