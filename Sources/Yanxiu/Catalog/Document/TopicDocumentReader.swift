import JSONValues

/// Validates a topic document and turns it into a `TopicDocument`, or refuses it whole with
/// the path of every bad field (`courses[2].lessons[0].quiz.atSecond`).
public struct TopicDocumentReader {
    var fields = DocumentFieldReader()
    /// Lesson ids seen so far: they must be unique across the whole document (`lesson.get` takes the id alone).
    var lessonIDs: Set<String> = []

    static let topicKeys: Set<String> = ["id", "title", "description", "audience", "window", "rules", "courses"]
    static let ruleKeys: Set<String> = [
        "minLessons", "maxRecognisedHours", "maxPlaybackRate", "endToleranceSeconds",
    ]

    /// The document, or `DomainError.invalid` listing every problem.
    public static func read(_ value: JSONValue) throws(DomainError) -> TopicDocument {
        var reader = TopicDocumentReader()
        let document = reader.topic(value)
        guard let document, reader.fields.problems.isEmpty else {
            throw DomainError.invalid(reader.fields.problems)
        }
        return document
    }

    mutating func topic(_ value: JSONValue) -> TopicDocument? {
        guard let object = value.objectValue else {
            fields.report("", "type")
            return nil
        }
        fields.rejectUnknown(object, known: Self.topicKeys, at: "")
        let id = fields.identifier(object, "id", at: "")
        let title = fields.string(object, "title", at: "")
        let description = fields.string(object, "description", at: "", required: false, maxLength: 4000) ?? ""
        let audience = fields.string(object, "audience", at: "", required: false, maxLength: 1000) ?? ""
        let window = self.window(object)
        let rules = self.rules(object)
        let courses = self.courses(object)
        if let rules, let courses { checkMinimums(rules, lessonCount: courses.reduce(0) { $0 + $1.lessons.count }) }
        guard let id, let title, let window, let rules, let courses else { return nil }
        return TopicDocument(
            id: id, title: title, description: description, audience: audience,
            windowStartMs: window.start, windowEndMs: window.end, rules: rules, courses: courses)
    }

    mutating func window(_ topic: JSONObject) -> (start: Int64, end: Int64)? {
        guard let object = fields.object(topic, "window", at: "") else { return nil }
        fields.rejectUnknown(object, known: ["start", "end"], at: "window")
        let start = fields.instant(object, "start", at: "window")
        let end = fields.instant(object, "end", at: "window")
        guard let start, let end else { return nil }
        guard end > start else {
            fields.report("window.end", "not_after_start")
            return nil
        }
        return (start, end)
    }

    /// The rules; absent members take the programme's defaults.
    mutating func rules(_ topic: JSONObject, base: TopicRules = .default) -> TopicRules? {
        var rules = base
        guard let value = topic["rules"], !value.isNull else { return rules }
        guard let object = fields.object(topic, "rules", at: "") else { return nil }
        let before = fields.problems.count
        fields.rejectUnknown(object, known: Self.ruleKeys, at: "rules")
        if let minimums = fields.object(object, "minLessons", at: "rules", required: false) {
            fields.rejectUnknown(minimums, known: ["mentalHealthTeacher", "homeroomTeacher"], at: "rules.minLessons")
            if let n = fields.integer(minimums, "mentalHealthTeacher", at: "rules.minLessons", required: false, range: 1...1000) {
                rules.minLessons.mentalHealthTeacher = Int(n)
            }
            if let n = fields.integer(minimums, "homeroomTeacher", at: "rules.minLessons", required: false, range: 1...1000) {
                rules.minLessons.homeroomTeacher = Int(n)
            }
        }
        if let n = fields.integer(object, "maxRecognisedHours", at: "rules", required: false, range: 1...1000) { rules.maxRecognisedHours = Int(n) }
        if let x = fields.number(object, "maxPlaybackRate", at: "rules", required: false, range: TopicRules.playbackRateRange) { rules.maxPlaybackRate = x }
        if let x = fields.number(object, "endToleranceSeconds", at: "rules", required: false, range: TopicRules.endToleranceRange) {
            rules.endToleranceSeconds = x
        }
        return fields.problems.count == before ? rules : nil
    }

    /// A role whose minimum exceeds the lessons on offer could never qualify.
    mutating func checkMinimums(_ rules: TopicRules, lessonCount: Int) {
        if rules.minLessons.mentalHealthTeacher > lessonCount { fields.report("rules.minLessons.mentalHealthTeacher", "exceeds_lessons") }
        if rules.minLessons.homeroomTeacher > lessonCount { fields.report("rules.minLessons.homeroomTeacher", "exceeds_lessons") }
    }

    mutating func courses(_ topic: JSONObject) -> [TopicDocument.Course]? {
        guard let elements = fields.array(topic, "courses", at: "", minCount: 1, maxCount: 200) else { return nil }
        var courses: [TopicDocument.Course] = []
        var courseIDs: Set<String> = []
        var complete = true
        for (index, element) in elements.enumerated() {
            let path = "courses[\(index)]"
            guard let object = element.objectValue else {
                fields.report(path, "type")
                complete = false
                continue
            }
            fields.rejectUnknown(object, known: ["id", "title", "lessons"], at: path)
            let id = fields.identifier(object, "id", at: path)
            if let id, !courseIDs.insert(id).inserted { fields.report(path + ".id", "duplicate") }
            let title = fields.string(object, "title", at: path)
            let lessons = self.lessons(object, at: path)
            if let id, let title, let lessons {
                courses.append(TopicDocument.Course(id: id, title: title, lessons: lessons))
            } else {
                complete = false
            }
        }
        return complete ? courses : nil
    }

    mutating func lessons(_ course: JSONObject, at path: String) -> [TopicDocument.Lesson]? {
        guard let elements = fields.array(course, "lessons", at: path, minCount: 1, maxCount: 500) else { return nil }
        var lessons: [TopicDocument.Lesson] = []
        var complete = true
        for (index, element) in elements.enumerated() {
            if let lesson = self.lesson(element, at: "\(path).lessons[\(index)]") {
                lessons.append(lesson)
            } else {
                complete = false
            }
        }
        return complete ? lessons : nil
    }
}
