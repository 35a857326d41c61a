import Dispatch
import Foundation

/// Issues the certificates of a topic whose window has closed: one to every enrolled teacher
/// who qualifies and holds none, none to anyone else.
///
/// Idempotent and resumable: every run starts from what is stored, so a run after a crash or
/// after late verifications issues exactly what is missing. Signing runs on all cores while
/// the previous batch is written, and each batch commits as one unit of the group-commit writer.
public struct CertificateIssuance: Sendable {
    public let store: any Store
    public let keyring: IssuerKeyring
    public let clock: any DaemonClock
    public let runs: IssuanceRuns
    /// Where the status lists new certificates name will be published.
    public let statusLists: StatusListAddress
    /// Certificates per signing batch and per write.
    public var batchSize = 2048

    public init(
        store: any Store, keyring: IssuerKeyring, clock: any DaemonClock, runs: IssuanceRuns = IssuanceRuns(),
        statusLists: StatusListAddress = StatusListAddress(verificationURL: nil)
    ) {
        self.store = store
        self.keyring = keyring
        self.clock = clock
        self.runs = runs
        self.statusLists = statusLists
    }

    /// Runs issuance for `topicId`. `progress(done, total)` follows the certificates to issue.
    public func run(topicId: String, actorUID: UInt32? = nil, progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) async throws -> IssuanceReport {
        let started = DispatchTime.now().uptimeNanoseconds
        let now = clock.nowMs
        try runs.begin(topicId)
        defer { runs.end(topicId) }
        // Daemons sharing the database refuse a run another of them has going. Were the hold lost
        // mid-run (the database restarted), a second run would still store each certificate once.
        guard let hold = try await store.holdExclusively("certificate.issue:\(topicId)") else {
            throw IssuanceRuns.running(topicId)
        }
        defer { hold.release() }
        let roster = try await store.read { tx in
            let topic = try IssuanceTopic.load(tx.certificates, id: topicId)
            try topic.requireClosed(at: now)
            return try IssuanceRoster.load(tx.certificates, topic: topic)
        }

        var report = IssuanceReport(topicId: topicId)
        report.enrolled = roster.enrolled
        report.alreadyHeld = roster.alreadyHeld
        report.notQualified = roster.notQualified
        let total = roster.candidates.count
        progress(0, total)
        if total > 0 {
            let address = statusLists
            let (serials, statuses) = try await store.write { tx in
                let certificates = tx.certificates
                return (try SerialAllocator.reserve(certificates, count: total),
                        try StatusListAllocator.reserve(certificates, count: total, address: address, now: now))
            }
            let drafts = roster.candidates.indices.map { index in
                CertificateSigner.Draft(
                    accountID: roster.candidates[index].accountID, serial: serials[index], subject: roster.candidates[index].subject,
                    status: statuses[index])
            }
            let stored = try await signAndStore(drafts, topicId: topicId, issuedAt: now) { done in progress(done, total) }
            report.issued = stored
            report.alreadyHeld += total - stored
        }
        report.elapsedMs = Int64((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
        let finished = report
        try await store.write { tx in
            try tx.audit.record(at: now, actor: AuditActor(uid: actorUID), action: "certificate.issue", target: topicId, detail: [
                "issued": .int(finished.issued), "alreadyHeld": .int(finished.alreadyHeld), "notQualified": finished.notQualifiedJSON,
            ])
        }
        return report
    }

    /// Signs batch n+1 while batch n is written; returns how many certificates were stored.
    private func signAndStore(_ drafts: [CertificateSigner.Draft], topicId: String, issuedAt: Int64, progress: (Int) -> Void) async throws -> Int {
        let signer = CertificateSigner(key: keyring.current, issuerName: keyring.issuerName)
        let date = Date(timeIntervalSince1970: Double(issuedAt) / 1000)
        let keyID = keyring.currentKeyID
        let batches = stride(from: 0, to: drafts.count, by: batchSize).map { Array(drafts[$0..<min($0 + batchSize, drafts.count)]) }
        var done = 0
        var stored = 0
        var signed = try await Offload.run { try signer.signAll(batches[0], issuedAt: date) }
        for index in batches.indices {
            let batch = signed
            async let written = store.write { tx in
                try tx.certificates.insert(batch, topicId: topicId, issuerKeyID: keyID, issuedAt: issuedAt)
            }
            if index + 1 < batches.count {
                let next = batches[index + 1]
                signed = try await Offload.run { try signer.signAll(next, issuedAt: date) }
            }
            stored += try await written
            done += batch.count
            progress(done)
        }
        return stored
    }
}
