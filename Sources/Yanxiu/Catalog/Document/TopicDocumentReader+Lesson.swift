import Foundation
import JSONValues

extension TopicDocumentReader {
    static let lessonKeys: Set<String> = ["id", "title", "durationSeconds", "creditHours", "quiz"]
    static let quizKeys: Set<String> = ["atSecond", "passMark", "questions"]
    static let questionKeys: Set<String> = ["id", "prompt", "kind", "options", "answer"]
    /// Six hours: longer than any lecture video, short enough to catch minutes typed as seconds × 60.
    static let maxDurationSeconds: Int64 = 6 * 3600

    mutating func lesson(_ value: JSONValue, at path: String) -> TopicDocument.Lesson? {
        guard let object = value.objectValue else {
            fields.report(path, "type")
            return nil
        }
        fields.rejectUnknown(object, known: Self.lessonKeys, at: path)
        let id = fields.identifier(object, "id", at: path)
        if let id, !lessonIDs.insert(id).inserted { fields.report(path + ".id", "duplicate") }
        let title = fields.string(object, "title", at: path)
        let duration = fields.integer(object, "durationSeconds", at: path, range: 1...Self.maxDurationSeconds)
        let credit = fields.integer(object, "creditHours", at: path, required: false, range: 1...10) ?? 1
        let quiz = self.quiz(object, at: path, durationSeconds: duration)
        guard let id, let title, let duration, let quiz else { return nil }
        return TopicDocument.Lesson(
            id: id, title: title, durationSeconds: Int(duration), creditHours: Int(credit), quizAtSecond: quiz.atSecond, quiz: quiz.quiz)
    }

    /// The quiz must sit strictly inside the video: there has to be something to watch after it.
    mutating func quiz(_ lesson: JSONObject, at lessonPath: String, durationSeconds: Int64?) -> (atSecond: Int, quiz: LessonQuiz)? {
        guard let object = fields.object(lesson, "quiz", at: lessonPath) else { return nil }
        let path = lessonPath + ".quiz"
        fields.rejectUnknown(object, known: Self.quizKeys, at: path)
        var atSecond = fields.integer(object, "atSecond", at: path, range: 1...Self.maxDurationSeconds)
        if let at = atSecond, let duration = durationSeconds, at >= duration {
            fields.report(path + ".atSecond", "not_before_end")
            atSecond = nil
        }
        let questions = self.questions(object, at: path)
        var passMark = fields.integer(object, "passMark", at: path, required: false, range: 0...100) ?? 0
        if let questions, passMark > questions.count {
            fields.report(path + ".passMark", "exceeds_questions")
            passMark = -1
        }
        guard let atSecond, let questions, passMark >= 0 else { return nil }
        return (Int(atSecond), LessonQuiz(passMark: Int(passMark), questions: questions))
    }

    mutating func questions(_ quiz: JSONObject, at quizPath: String) -> [LessonQuizQuestion]? {
        guard let elements = fields.array(quiz, "questions", at: quizPath, minCount: 1, maxCount: 50) else { return nil }
        var questions: [LessonQuizQuestion] = []
        var ids: Set<String> = []
        var complete = true
        for (index, element) in elements.enumerated() {
            let path = "\(quizPath).questions[\(index)]"
            if let question = self.question(element, at: path) {
                if !ids.insert(question.id).inserted {
                    fields.report(path + ".id", "duplicate")
                    complete = false
                }
                questions.append(question)
            } else {
                complete = false
            }
        }
        return complete ? questions : nil
    }

    mutating func question(_ value: JSONValue, at path: String) -> LessonQuizQuestion? {
        guard let object = value.objectValue else {
            fields.report(path, "type")
            return nil
        }
        fields.rejectUnknown(object, known: Self.questionKeys, at: path)
        let id = fields.identifier(object, "id", at: path)
        let prompt = fields.string(object, "prompt", at: path, maxLength: 1000)
        var kind: LessonQuizQuestion.Kind?
        if let text = fields.string(object, "kind", at: path, maxLength: 16) {
            kind = LessonQuizQuestion.Kind(rawValue: text)
            if kind == nil { fields.report(path + ".kind", "not_allowed") }
        }
        let options = self.options(object, at: path)
        let answer = self.answer(object, at: path, kind: kind, optionCount: options?.count)
        guard let id, let prompt, let kind, let options, let answer else { return nil }
        return LessonQuizQuestion(id: id, prompt: prompt, kind: kind, options: options, answer: answer)
    }

    mutating func options(_ question: JSONObject, at path: String) -> [String]? {
        guard let elements = fields.array(question, "options", at: path, minCount: 2, maxCount: 10) else { return nil }
        var options: [String] = []
        for (index, element) in elements.enumerated() {
            let optionPath = "\(path).options[\(index)]"
            guard let text = element.stringValue else {
                fields.report(optionPath, "type")
                continue
            }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty {
                fields.report(optionPath, "empty")
            } else if trimmed.count > 500 {
                fields.report(optionPath, "too_long")
            } else {
                options.append(trimmed)
            }
        }
        return options.count == elements.count ? options : nil
    }

    /// Option indexes from 0: exactly one for single choice, one or more distinct for multiple.
    mutating func answer(_ question: JSONObject, at path: String, kind: LessonQuizQuestion.Kind?, optionCount: Int?) -> [Int]? {
        guard let elements = fields.array(question, "answer", at: path, minCount: 1, maxCount: 10) else { return nil }
        var answer: [Int] = []
        for (index, element) in elements.enumerated() {
            let answerPath = "\(path).answer[\(index)]"
            guard let number = element.numberValue else { fields.report(answerPath, "type"); continue }
            guard let option = number.int64 else { fields.report(answerPath, "not_integer"); continue }
            if option < 0 || option >= Int64(optionCount ?? 10) { fields.report(answerPath, "out_of_range"); continue }
            if answer.contains(Int(option)) { fields.report(answerPath, "duplicate"); continue }
            answer.append(Int(option))
        }
        guard answer.count == elements.count else { return nil }
        if kind == .single, answer.count != 1 {
            fields.report(path + ".answer", "single_needs_one")
            return nil
        }
        return answer.sorted()
    }
}
