import Foundation
import Postgres
import Yanxiu

extension BenchDataSet {
    /// Seeds `teachers` enrolled accounts with sessions into the empty PostgreSQL database `conninfo`
    /// (migrating it first), the same data as the SQLite seed.
    static func seedPostgres(conninfo: String, teachers: Int, now: Int64) throws {
        try PostgresStore(conninfo: conninfo).close()
        let db = try PostgresConnection(conninfo)
        try db.execute("BEGIN")
        try db.execute("""
            INSERT INTO topic (id, title, window_start, window_end, rules, document_hash, created_at, updated_at)
            VALUES ($1, 'Benchmark topic', $2, $3, '{"maxPlaybackRate":1.0}', '\\x00', $4, $4)
            """, [topicId, now - 86_400_000, now + 365 * 86_400_000, now])
        try db.execute("INSERT INTO course (topic_id, id, position, title) VALUES ($1, 'c1', 0, 'Benchmark course')", [topicId])
        try db.execute("""
            INSERT INTO lesson (id, topic_id, course_id, position, title, duration_ms, credit_hours, quiz_at_ms, quiz)
            VALUES ($1, $2, 'c1', 0, 'Benchmark lesson', $3, 1, $4, '{"questions":[]}')
            """, [lessonId, topicId, lessonSeconds * 1000, (lessonSeconds - 60) * 1000])
        for start in stride(from: 1, through: teachers, by: 10_000) {
            let ids = (start...min(teachers, start + 9_999)).map(Int64.init)
            try db.execute("""
                INSERT INTO account (id, phone, password_hash, identity, name, created_at, updated_at)
                SELECT id, phone, 'x', 'teacher', name, $3, $3 FROM unnest($1::bigint[], $2::text[]) AS u(id, phone), LATERAL (SELECT '教师' || id AS name) n
                """, [ids, ids.map { String(format: "139%08d", $0) }, now])
            try db.execute("INSERT INTO enrollment (account_id, topic_id, form, created_at) SELECT id, $2, '{}', $3 FROM unnest($1::bigint[]) AS u(id)",
                           [ids, topicId, now])
            try db.execute("""
                INSERT INTO session (token_hash, account_id, created_at, expires_at)
                SELECT * FROM unnest($1::bytea[], $2::bigint[]) AS u(h, id), LATERAL (SELECT $3::bigint, $4::bigint) t
                """, [PostgresByteaArray(ids.map { SessionAuthenticator.hash(token(Int($0))) }), ids, now, now + 30 * 86_400_000])
        }
        try db.execute("SELECT setval(pg_get_serial_sequence('account', 'id'), $1)", [Int64(teachers)])
        try db.execute("COMMIT")
        try db.run("ANALYZE")
    }
}
