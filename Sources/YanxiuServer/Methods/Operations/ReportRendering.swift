import JSONRPC
import Yanxiu

/// The JSON of a topic report.
enum ReportRendering {
    static func json(_ report: TopicReport) -> JSONValue {
        [
            "topicId": .string(report.topicID),
            "groupBy": .string(report.grouping.rawValue),
            "rows": .array(report.rows.map { row in
                var object: JSONObject = ["key": .string(row.key), "name": .string(row.name)]
                if report.grouping != .province {
                    object["parentCode"] = .string(row.parentCode)
                    object["parentName"] = .string(row.parentName)
                }
                for member in figures(row.figures).members { object[member.key] = member.value }
                return .object(object)
            }),
            "total": .object(figures(report.total)),
        ]
    }

    static func figures(_ f: ReportFigures) -> JSONObject {
        [
            "enrolled": .int(f.enrolled),
            "declaredMentalHealth": .int(f.declaredMentalHealth), "declaredHomeroom": .int(f.declaredHomeroom),
            "verifiedMentalHealth": .int(f.verifiedMentalHealth), "verifiedHomeroom": .int(f.verifiedHomeroom),
            "lessonsCompleted": .int(f.lessonsCompleted), "qualifying": .int(f.qualifying), "certificates": .int(f.certificates),
            "recognisedHours": .double(f.recognisedHours), "meanRecognisedHours": .double((f.meanRecognisedHours * 100).rounded() / 100),
        ]
    }
}
