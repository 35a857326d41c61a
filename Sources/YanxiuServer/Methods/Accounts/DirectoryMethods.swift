import JSONRPC
import Yanxiu

/// Regions and schools: listing, search, creation and the operators' CSV imports.
struct DirectoryMethods {
    let app: AppContext

    func descriptors() -> [MethodDescriptor] {
        let app = self.app
        let csv = ParamSpec.string("csv", "CSV text with a header row (yanxiuctl sends large files in chunks)")
        let progress = ParamSpec("progressToken", .any, required: false, "token for $/progress notifications")
        return [
            MethodDescriptor(
                "region.list", "The regions under a parent code, or the provinces without one.", access: .anyone,
                params: [.string("parentCode", required: false, "six-digit GB/T 2260 code", maxLength: 6)],
                result: "{regions: [{code, name, level, parentCode}]}"
            ) { call in
                let parent = call.params.string("parentCode")
                let regions = try await app.store.read { tx in try RegionDirectory.list(tx, parentCode: parent) }
                return ["regions": .array(regions.map(DirectoryRendering.region))]
            },
            MethodDescriptor(
                "region.import", "Imports GB/T 2260 regions from CSV (code,name[,level,parentCode]); idempotent on the code. Counties get their 其他 school.",
                access: .operator, params: [csv], result: "{inserted, updated, unchanged, rejectedCount, rejected: [{line, reason}]}",
                errors: ["params.invalid", "auth.operator_required"]
            ) { call in
                let text = try call.params.require("csv")
                let now = app.clock.nowMs
                let actor = app.actor(call)
                let summary = try await app.store.write { tx in try DirectoryImport.regions(tx, csv: text, actor: actor, now: now) }
                return DirectoryRendering.importSummary(summary)
            },
            MethodDescriptor(
                "school.search", "Schools by region (county, city or province) and name fragment; a county's 其他 school comes last.", access: .anyone,
                params: [
                    .string("regionCode", required: false, "region to search in", maxLength: 6),
                    .string("query", required: false, "name fragment (at least 3 characters without a region)", maxLength: 100),
                    .integer("limit", required: false, "at most this many (default 50, at most 200)", minimum: 1),
                ],
                result: "{schools: [{schoolId, name, regionCode, isOther}]}", errors: ["params.invalid", "region.unknown"]
            ) { call in
                let search = SchoolSearch(regionCode: call.params.string("regionCode"), query: call.params.string("query"), limit: min(call.params.int("limit") ?? 50, 200))
                let schools = try await app.store.read { tx in try search.run(tx) }
                return ["schools": .array(schools.map(DirectoryRendering.school))]
            },
            MethodDescriptor(
                "school.create", "Adds a school to a county: operators, or county administrators of that county.", access: .user,
                params: [
                    .string("session", required: false, "a county administrator's session (operators need none)"),
                    .string("regionCode", "the county", maxLength: 6), .string("name", "2 to 100 characters", maxLength: 400),
                    .string("code", required: false, "the directory's own code of the school", maxLength: 40),
                ],
                result: "{schoolId, name, regionCode, isOther}",
                errors: ["params.invalid", "auth.forbidden", "session.unknown", "region.unknown", "school.exists"]
            ) { call in
                let region = try call.params.require("regionCode")
                guard let name = SchoolDirectory.validName(try call.params.require("name")) else { throw DomainError.invalid(field: "name", reason: "format") }
                let code = call.params.string("code")
                let actor = try await app.authorise(call) { tx, account in try AdminGrants.holds(tx, accountID: account, role: .countyAdmin, scope: region) }
                let now = app.clock.nowMs
                let school = try await app.store.write { tx in
                    try SchoolDirectory.create(tx, regionCode: region, name: name, code: code, actor: actor, now: now)
                }
                return DirectoryRendering.school(school)
            },
            MethodDescriptor(
                "school.import", "Imports schools from CSV (code,name,regionCode); idempotent on the school's code.", access: .operator,
                params: [csv, progress], result: "{inserted, updated, unchanged, rejectedCount, rejected: [{line, reason}]}",
                errors: ["params.invalid", "auth.operator_required"]
            ) { call in
                let text = try call.params.require("csv")
                let token = call.params["progressToken"]
                let notify = call.notify
                let now = app.clock.nowMs
                let actor = app.actor(call)
                let summary = try await app.store.write { tx in
                    try DirectoryImport.schools(tx, csv: text, actor: actor, now: now) { done, total in
                        if let token { notify("$/progress", ["token": token, "done": .int(done), "total": .int(total)]) }
                    }
                }
                return DirectoryRendering.importSummary(summary)
            },
        ]
    }
}
