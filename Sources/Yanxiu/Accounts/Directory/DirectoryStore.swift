/// The operations on the directory: regions and schools.
///
/// Codes are compared exactly. Lookups return nil when nothing matches; writes assume the rules
/// above them checked what they need (a parent exists, a county is a county).
public protocol DirectoryStore {
    // MARK: Regions

    /// The divisions whose parent is `parentCode`, or the provinces (no parent) when it is nil, by code.
    func regions(under parentCode: String?) throws -> [Region]

    /// The division with this code.
    func region(code: String) throws -> Region?

    /// The codes of every stored division.
    func regionCodes() throws -> Set<String>

    /// The codes of every stored county.
    func countyCodes() throws -> Set<String>

    /// How many divisions are stored.
    func regionCount() throws -> Int

    /// Adds a division whose code is not stored yet.
    func insertRegion(_ region: Region) throws

    /// Replaces the name, level and parent of the stored division with `region.code`.
    func updateRegion(_ region: Region) throws

    // MARK: Schools

    /// The school with this id.
    func school(id: Int64) throws -> School?

    /// The school with this directory code.
    func school(code: String) throws -> School?

    /// The school of this exact name in the county.
    func school(regionCode: String, name: String) throws -> School?

    /// The county's "其他" placeholder school.
    func otherSchool(county: String) throws -> School?

    /// Adds an ordinary school (not a placeholder) and returns its id.
    func insertSchool(code: String?, name: String, regionCode: String, createdAt: Int64) throws -> Int64

    /// Renames the school and moves it to another county.
    func updateSchool(id: Int64, name: String, regionCode: String) throws

    /// The stored schools with these directory codes, by code.
    func schools(codes: [String]) throws -> [String: School]

    /// Adds ordinary schools whose codes are not stored yet, with ids ascending in the given order.
    func insertSchools(_ rows: [SchoolImportRow], createdAt: Int64) throws

    /// Gives the stored schools with these codes the rows' names and counties.
    func updateSchools(_ rows: [SchoolImportRow]) throws

    /// Creates the county's "其他" placeholder unless it has one (at most one per county, ever).
    func ensureOtherSchool(county: String, name: String, createdAt: Int64) throws

    /// Ordinary schools (never a "其他" placeholder) in `scope` whose name contains `fragment`.
    ///
    /// Matching: the name contains the fragment as a literal run of characters (no wildcards);
    /// ASCII letters match whatever their case, every other character only itself. A nil fragment
    /// matches every name; one holding U+0000 none (no name holds it).
    /// Order: by name, comparing Unicode code points (the order of the UTF-8 bytes, PostgreSQL's
    /// `COLLATE "C"`), then by id.
    /// Limit: at most `limit` schools, the first in that order (all of them when `limit` is negative).
    /// `.everywhere` is only asked with a fragment of three characters or more, so that an engine
    /// can answer it from a trigram index of names (FTS5 `trigram` here, `pg_trgm` on PostgreSQL)
    /// rather than by scanning every school; asked with a shorter one (fewer than three code
    /// points), it finds nothing.
    func searchSchools(in scope: SchoolSearchScope, fragment: String?, limit: Int) throws -> [School]

    // MARK: First start

    /// Whether the built-in sample directory was ever loaded into this database.
    func sampleDirectoryLoaded() throws -> Bool

    /// Records that the sample directory was loaded at `at`, so it is never loaded again.
    func markSampleDirectoryLoaded(at: Int64) throws
}

/// Where a school search looks.
public enum SchoolSearchScope: Sendable, Hashable {
    /// Every school.
    case everywhere
    /// The schools of this county.
    case county(String)
    /// The schools of every county whose code starts with this prefix: "11" for a province, "1101" for a city.
    case codePrefix(String)
}
