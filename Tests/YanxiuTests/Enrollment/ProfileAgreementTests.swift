import JSONRPC
import Testing
@testable import Yanxiu

@Suite("The enrolment form and the profile agree, never by a silent overwrite")
struct ProfileAgreementTests {
    static func field(_ name: String, profile: String?, form: String, locked: Bool = true) -> ProfileAgreement.Field {
        .init(name: name, profile: profile, form: form, lockedByVerification: locked)
    }

    /// Every combination of profile state (empty, blank, equal, different), lock, verification and request.
    @Test(arguments: [nil, "", "same", "other"] as [String?], [false, true])
    func oneField(_ profile: String?, _ lockable: Bool) throws {
        for verified in [false, true] {
            for replace in [false, true] {
                let fields = [Self.field("f", profile: profile, form: "same", locked: lockable)]
                let outcome = Result { try ProfileAgreement.plan(fields, verified: verified, replace: replace) }
                switch profile {
                case nil, "":
                    #expect(try outcome.get().filled.map(\.name) == ["f"])
                    #expect(try outcome.get().replaced.isEmpty)
                case "same":
                    #expect(try outcome.get().changes.isEmpty)
                default:
                    if verified && lockable {
                        #expect((outcome.failure as? DomainError)?.reason == "profile.locked")
                    } else if !replace {
                        #expect((outcome.failure as? DomainError)?.reason == "enrollment.profile_differs")
                        #expect((outcome.failure as? DomainError)?.kind == .conflict)
                    } else {
                        #expect(try outcome.get().replaced.map(\.name) == ["f"])
                    }
                }
            }
        }
    }

    @Test("a locked difference wins over a replaceable one, and every field is named")
    func namesEveryField() {
        let fields = [
            Self.field("name", profile: "王芳", form: "王芳芳"), Self.field("idNumber", profile: nil, form: "1"),
            Self.field("title", profile: "first", form: "senior", locked: false), Self.field("stage", profile: "primary", form: "juniorHigh", locked: false),
        ]
        let locked = Result { try ProfileAgreement.plan(fields, verified: true, replace: true) }.failure as? DomainError
        #expect(locked?.data["fields"] == [["field": "name", "reason": "locked"]])
        let differs = Result { try ProfileAgreement.plan(fields, verified: false, replace: false) }.failure as? DomainError
        #expect(differs?.data["fields"] == [["field": "name", "reason": "differs"], ["field": "title", "reason": "differs"], ["field": "stage", "reason": "differs"]])
    }
}

extension Result {
    var failure: Failure? { if case .failure(let error) = self { error } else { nil } }
}
