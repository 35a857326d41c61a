import JSONRPC

/// A lesson as a video player knows it from `lesson.get`: length, quiz point and questions.
public struct PlayerLesson: Sendable {
    public var id: String
    public var durationMs: Int64
    public var quizAtMs: Int64
    /// Question ids with their number of options.
    public var questions: [(id: String, options: Int)]

    /// Reads a `lesson.get` result; nil when it lacks what a player needs.
    public init?(_ result: JSONValue) {
        guard let id = result["lessonId"]?.stringValue, let duration = result["durationSeconds"]?.doubleValue,
              let quizAt = result["quizAtSecond"]?.doubleValue
        else { return nil }
        self.id = id
        durationMs = Int64(duration * 1000)
        quizAtMs = Int64(quizAt * 1000)
        questions = (result["quiz"]?["questions"]?.arrayValue ?? []).compactMap { question in
            guard let id = question["id"]?.stringValue else { return nil }
            return (id, question["options"]?.arrayValue?.count ?? 1)
        }
    }
}
