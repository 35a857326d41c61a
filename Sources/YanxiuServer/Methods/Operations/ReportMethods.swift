import JSONRPC
import Yanxiu

/// `report.topic`: the figures of a topic per school, county or province.
struct ReportMethods {
    let app: AppContext

    func descriptors() -> [MethodDescriptor] {
        let app = self.app
        return [MethodDescriptor(
            "report.topic",
            "Per school, county or province: enrolled teachers, declared and verified roles, lessons completed, teachers qualifying, certificates issued and mean recognised hours (of those who qualify). Operators see every school; county and school administrators (with their session) only theirs.",
            access: .user,
            params: [
                .string("topicId", "the topic", maxLength: 128),
                .string("groupBy", required: false, "school, county (default) or province", oneOf: ReportGrouping.allCases.map(\.rawValue)),
                .string("session", required: false, "an administrator's session; operators may leave it out"),
                .string("regionCode", required: false, "only schools under this county, city or province", maxLength: 12),
                .integer("schoolId", required: false, "only this school", minimum: 1),
            ],
            result: "{topicId, groupBy, generatedAt, rows: [{key, name, parentCode, parentName, enrolled, declaredMentalHealth, declaredHomeroom, verifiedMentalHealth, verifiedHomeroom, lessonsCompleted, qualifying, certificates, recognisedHours, meanRecognisedHours}], total}",
            errors: ["session.unknown", "session.expired", "auth.forbidden", "topic.unknown", "region.unknown", "school.unknown"]
        ) { call in
            let topicID = try call.params.require("topicId")
            let grouping = ReportGrouping(rawValue: call.params.string("groupBy") ?? "county") ?? .county
            let regionCode = call.params.string("regionCode")
            let schoolID = call.params.int64("schoolId")
            let administrator: Int64?
            if call.peer.isOperator, call.params.string("session") == nil {
                administrator = nil
            } else if call.params.string("session") != nil {
                administrator = try await app.account(call).accountID
            } else {
                throw DomainError.unauthorized("session.unknown", "Administrators read reports with their session")
            }
            let report = try await app.store.read { tx in
                try TopicReport.read(
                    tx, topicID: topicID, grouping: grouping, administrator: administrator, regionCode: regionCode, schoolID: schoolID)
            }
            var result = ReportRendering.json(report).objectValue ?? [:]
            result["generatedAt"] = .string(Timestamp.format(app.clock.nowMs))
            return .object(result)
        }]
    }
}
