/// Full names of regions (`北京市海淀区`), built from the region tree and remembered.
struct RegionNames {
    private var cache: [String: String] = [:]

    /// GB/T 2260 placeholders for a level with no name of its own; a full name leaves them out.
    static let placeholders: Set<String> = ["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]

    /// Province, city and county names joined from the top; the code itself if it is unknown.
    mutating func fullName(_ certificates: any CertificatesStore, code: String) throws -> String {
        if let known = cache[code] { return known }
        var names: [String] = []
        var next: String? = code
        var seen = Set<String>()
        while let current = next, seen.insert(current).inserted,
              let region = try certificates.region(current) {
            if !Self.placeholders.contains(region.name) { names.append(region.name) }
            next = region.parentCode
        }
        let full = names.isEmpty ? code : names.reversed().joined()
        cache[code] = full
        return full
    }
}
