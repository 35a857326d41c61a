import JSONRPC
import Yanxiu

/// The full method table of the daemon, assembled from every method group.
enum MethodCatalog {
    static func dispatcher(app: AppContext) -> Dispatcher {
        let document = DocumentBox()
        var table = MethodTable()
        table.register(contentsOf: SystemMethods(app: app).descriptors(discover: { document.value }))
        table.register(contentsOf: CatalogReadMethods(app: app).descriptors())
        table.register(contentsOf: TopicAdminMethods(app: app).descriptors())
        table.register(contentsOf: EnrollmentMethods(app: app).descriptors())
        table.register(contentsOf: ProgressMethods(app: app, pool: app.heartbeats).descriptors())
        table.register(contentsOf: SMSMethods(app: app).descriptors())
        table.register(contentsOf: AccountMethods(app: app).descriptors())
        table.register(contentsOf: ProfileMethods(app: app).descriptors())
        table.register(contentsOf: PhoneMethods(app: app).descriptors())
        table.register(contentsOf: DirectoryMethods(app: app).descriptors())
        table.register(contentsOf: MembershipMethods(app: app).descriptors())
        table.register(contentsOf: AdminMethods(app: app).descriptors())
        table.register(contentsOf: CertificateMethods(app: app).descriptors())
        table.register(contentsOf: OperationsMethods(app: app, instruments: app.instruments).descriptors())
        table.register(contentsOf: BackupMethods(app: app).descriptors())
        table.register(contentsOf: ReportMethods(app: app).descriptors())
        if let clock = app.testClock {
            table.register(contentsOf: TestClockMethods(clock: clock).descriptors())
            table.register(contentsOf: FaultMethods(store: app.store, sqlite: app.sqlite).descriptors())
        }
        table = RPCMetrics().instrument(table)
        document.value = OpenRPCDocument.make(table: table, title: "yanxiud", version: AppContext.version, errorCodes: ErrorCatalog.codes)
        let logger = app.logger
        return Dispatcher(table: table) { method, error in
            logger.error("internal error", metadata: ["rpc.method": "\(method)", "error": "\(error)"])
        }
    }
}

/// Holds the OpenRPC document, built once after the table is complete.
final class DocumentBox: @unchecked Sendable {
    // Written once during start-up before any connection exists, read-only afterwards.
    var value: JSONValue = .null
}

/// The JSON-RPC code of every `data.reason`, for the OpenRPC document.
enum ErrorCatalog {
    // Pairs rather than a dictionary literal: method groups add reasons independently, and a
    // repeated entry must not stop the daemon from starting.
    static let codes: [String: Int] = Dictionary(pairs, uniquingKeysWith: { first, _ in first })

    private static let pairs: [(String, Int)] = [
        ("request.too_large", -32600), ("params.invalid", -32602),
        ("server.too_many_connections", 503), ("server.busy", 503), ("server.shutting_down", 503), ("store.unavailable", 503),
        ("auth.operator_required", 403), ("auth.forbidden", 403),
        ("session.expired", 401), ("session.unknown", 401),
        ("sms.rate_limited", 429), ("sms.code_invalid", 412),
        ("account.locked", 403), ("account.exists", 409), ("profile.locked", 409),
        ("enrollment.exists", 409), ("enrollment.required", 412), ("enrollment.not_open", 412), ("enrollment.window_closed", 412),
        ("topic.window_closed", 412), ("topic.window_open", 412),
        ("playback.concurrent", 409), ("playback.superseded", 409), ("quiz.not_reached", 412),
        ("sms.delivery_failed", 503), ("account.credentials_invalid", 401), ("account.unknown", 404),
        ("identity.required", 412), ("region.unknown", 404), ("school.unknown", 404), ("school.exists", 409), ("school.is_other", 409),
        ("member.unknown", 404), ("member.already_verified", 409), ("grant.exists", 409), ("grant.unknown", 404), ("rebind.mismatch", 412),
        ("topic.unknown", 404), ("lesson.unknown", 404), ("enrollment.unknown", 404),
        ("lesson.locked", 409), ("lesson.id_taken", 409), ("enrollment.teacher_required", 412), ("profile.incomplete", 412),
        ("certificate.unknown", 404), ("certificate.revoked", 409), ("signature.invalid", 409), ("document.altered", 409),
        ("certificate.issuance_running", 409), ("certificate.fonts_unavailable", 503), ("status_list.unknown", 404),
        ("backup.exists", 409), ("backup.running", 409), ("backup.failed", 503),
        ("auth.self_verification", 403), ("member.role_not_declared", 409), ("enrollment.profile_differs", 409),
    ]
}
