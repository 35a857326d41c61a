import Foundation
import JSONRPC
import YanxiuClient

extension DemoRun {
    static let tickSeconds = 30

    /// Everyone watches at once, in ticks of 30 s of daemon time (see `LockstepPlayback`).
    mutating func play() throws {
        narrator.section("They watch lessons; a simulated player posts a heartbeat every \(Self.tickSeconds) s of playback")
        let lessons = try topicLessons()
        let players = teachers.map { teacher in
            SimulatedPlayer(session: teacher.session, behaviour: teacher.behaviour, lessons: Array(lessons.prefix(teacher.lessonTarget)),
                            tickSeconds: Self.tickSeconds)
        }
        let playback = LockstepPlayback(control: client, viewers: try RPCClient(socketPath: socketPath), tickSeconds: Self.tickSeconds)
        let narrator = self.narrator
        let (ticks, heartbeats) = try playback.run(players) { ticks, heartbeats in
            guard ticks % 20 == 0 else { return }
            let completed = players.reduce(0) { $0 + $1.completedLessons }
            narrator.status("daemon time +\(ticks * Self.tickSeconds / 60) min: \(heartbeats) heartbeats, \(completed) lessons completed")
        }
        let completed = players.reduce(0) { $0 + $1.completedLessons }
        let minutes = ticks * Self.tickSeconds / 60
        narrator.status("\(heartbeats) heartbeats over \(minutes / 60) h \(minutes % 60) min of daemon time; \(completed) lessons completed", final: true)
        narrator.detail(outcomeTable(players))
    }

    /// The topic's lessons in course order, as the player reads them.
    func topicLessons() throws -> [PlayerLesson] {
        let courses = try client.call("course.list", ["topicId": .string(Self.topic)])["courses"]?.arrayValue ?? []
        let ids = courses.flatMap { $0["lessons"]?.arrayValue ?? [] }.compactMap { $0["lessonId"]?.stringValue }
        return try ids.compactMap { try PlayerLesson(client.call("lesson.get", ["lessonId": .string($0)])) }
    }

    /// What the daemon told each kind of viewer.
    func outcomeTable(_ players: [SimulatedPlayer]) -> String {
        var lines = ["viewer        teachers  lessons completed  what the daemon answered"]
        for behaviour in ViewerBehaviour.allCases {
            let group = players.filter { $0.behaviour == behaviour }
            guard !group.isEmpty else { continue }
            var outcomes: [String: Int] = [:]
            for player in group { outcomes.merge(player.outcomes, uniquingKeysWith: +) }
            let answered = outcomes.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            let name = behaviour.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)
            lines.append(name + String(format: "%8d  %17d  ", group.count, group.reduce(0) { $0 + $1.completedLessons }) + answered)
        }
        return lines.joined(separator: "\n")
    }
}
