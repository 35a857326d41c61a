import Yanxiu

/// What a new installation needs before it serves: a checked configuration and, on an empty
/// database, the built-in sample directory so a new user can try the flow at once.
enum FirstStart {
    static func run(app: AppContext) async throws {
        if app.configuration.smsProvider == "command", app.configuration.smsCommand.isEmpty {
            throw ConfigurationError("sms-provider = command needs sms-command = /path/to/gateway-program")
        }
        guard app.configuration.loadSampleDirectory else { return }
        let now = app.clock.nowMs
        if try await app.store.write({ tx in try SampleDirectory.loadIfEmpty(tx, now: now) }) {
            app.logger.notice("loaded the sample school directory into the empty database")
        }
    }
}
