/// The operations on certificates: issuer keys, issued certificates and revocations, the
/// serial and status-bit counters, and what issuance reads of topics, enrolments and regions.
public protocol CertificatesStore {
    // MARK: Issuer keys

    /// Makes the key named `verificationMethod` the current one, recording it when it is new;
    /// whichever key was current before is retired. Returns the key's id.
    func makeCurrentIssuerKey(verificationMethod: String, publicKey: [UInt8], now: Int64) throws -> Int64
    /// The public key of every key ever recorded, current or retired, by verification method.
    func issuerKeys() throws -> [String: [UInt8]]

    // MARK: Issued certificates

    /// The certificate with this serial, revoked or not; nil when none was issued.
    func certificate(serial: CertificateSerial) throws -> CertificateRecord?
    /// The teacher's certificate of a topic: the live one, else the one revoked last; nil when none.
    func certificate(accountID: Int64, topicId: String) throws -> CertificateRecord?
    /// Stores signed certificates; returns how many were stored. One that meets a live
    /// certificate of the same teacher and topic (stored meanwhile by another run) is left out.
    func insert(_ certificates: [CertificateSigner.Signed], topicId: String, issuerKeyID: Int64, issuedAt: Int64) throws -> Int
    /// Marks a live certificate revoked at `at` and keeps the revocation's reason and actor.
    func markRevoked(serial: CertificateSerial, reason: String, at: Int64, actorUID: UInt32?) throws

    // MARK: Counters and status lists

    /// Moves the serial counter on by `count`; returns the database's permutation key and
    /// the first sequence number of the block reserved.
    func advanceSerialSequence(by count: Int) throws -> ReservedBlock
    /// Moves the status-bit counter on by `count`; returns the permutation key and the first position reserved.
    func advanceStatusPosition(by count: Int) throws -> ReservedBlock
    /// Status list `id`, made with `url` when it does not exist yet; returns the address it has.
    func statusList(_ id: Int64, creatingWith url: String, now: Int64) throws -> String
    /// The address of status list `id`; nil when there is no such list.
    func statusListURL(_ id: Int64) throws -> String?
    /// How many status lists exist.
    func statusListCount() throws -> Int64
    /// The indexes of the revoked certificates in status list `id`.
    func revokedIndexes(inList id: Int64) throws -> [Int]

    // MARK: What issuance reads

    /// A topic's title, window and rules; nil when there is no such topic.
    func issuanceTopic(_ topicId: String) throws -> IssuanceTopicRecord?
    /// Every enrolled teacher of a topic in account order, with what a certificate shows of them.
    func rosterEntries(topicId: String) throws -> [RosterEntry]
    /// The credit hours of every lesson of the topic each account has completed.
    func completedLessonHours(topicId: String) throws -> [Int64: [Double]]
    /// The verified roles of every enrolled account of the topic (empty sets included).
    func enrolledVerifiedRoles(topicId: String) throws -> [Int64: Set<TeacherRole>]
    /// One region's name and its parent's code; nil for an unknown code.
    func region(_ code: String) throws -> (name: String, parentCode: String?)?
}

/// A block reserved from a counter: the key of the database's permutation, and where the block starts.
public struct ReservedBlock: Sendable, Equatable {
    public let permutationKey: UInt64
    public let first: Int64

    public init(permutationKey: UInt64, first: Int64) {
        self.permutationKey = permutationKey
        self.first = first
    }
}

/// The stored topic as issuance reads it.
public struct IssuanceTopicRecord: Sendable {
    public let title: String
    public let windowStart: Int64
    public let windowEnd: Int64
    /// The topic's rules as JSON text.
    public let rules: String

    public init(title: String, windowStart: Int64, windowEnd: Int64, rules: String) {
        self.title = title
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.rules = rules
    }
}

/// One enrolled teacher as issuance reads them: the name and ID number from the profile, else
/// from the enrolment form; the school of a verified membership; whether a live certificate exists.
public struct RosterEntry: Sendable {
    public let accountID: Int64
    public let name: String?
    public let idNumber: String?
    public let schoolName: String?
    public let regionCode: String?
    public let holdsLiveCertificate: Bool

    public init(accountID: Int64, name: String?, idNumber: String?, schoolName: String?, regionCode: String?, holdsLiveCertificate: Bool) {
        self.accountID = accountID
        self.name = name
        self.idNumber = idNumber
        self.schoolName = schoolName
        self.regionCode = regionCode
        self.holdsLiveCertificate = holdsLiveCertificate
    }
}
