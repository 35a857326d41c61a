import Foundation
import Testing
@testable import Yanxiu

@Suite("XML Schema dateTimeStamp")
struct XSDDateTimeStampTests {
    @Test("dates format as whole UTC seconds with Z")
    func formatting() {
        #expect(XSDDateTimeStamp.string(from: Date(timeIntervalSince1970: 1_677_281_798)) == "2023-02-24T23:36:38Z")
        #expect(XSDDateTimeStamp.string(from: Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(XSDDateTimeStamp.string(from: Date(timeIntervalSince1970: 951_782_400.9)) == "2000-02-29T00:00:00Z")
        #expect(XSDDateTimeStamp.string(from: Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
    }

    @Test("formatting and parsing agree over a century of instants")
    func roundTrip() {
        var generator = CertificateTestRNG(seed: 2023)
        for _ in 0..<2_000 {
            let date = Date(timeIntervalSince1970: TimeInterval(Int64.random(in: -2_208_988_800...4_102_444_800, using: &generator)))
            let text = XSDDateTimeStamp.string(from: date)
            #expect(XSDDateTimeStamp.date(from: text) == date, "\(text)")
        }
    }

    @Test("valid stamps with offsets and fractions name the right instant", arguments: [
        ("2023-03-01T00:00:00+08:00", 1_677_600_000.0),
        ("2023-02-28T16:00:00Z", 1_677_600_000.0),
        ("2023-02-28T10:30:00-05:30", 1_677_600_000.0),
        ("2023-02-28T16:00:00.5Z", 1_677_600_000.5),
    ])
    func parsing(text: String, seconds: Double) {
        #expect(XSDDateTimeStamp.date(from: text) == Date(timeIntervalSince1970: seconds))
    }

    @Test("text that is not a dateTimeStamp is refused", arguments: [
        "2023-02-24T23:36:38", "2023-02-24 23:36:38Z", "2023-13-01T00:00:00Z", "2023-02-29T00:00:00Z",
        "2023-02-24T24:00:00Z", "2023-02-24T23:60:00Z", "2023-02-24T23:36:38.Z", "2023-02-24T23:36:38+0800",
        "2023-02-24T23:36:38+15:00", "23-02-24T23:36:38Z", "2023-02-24T23:36:38Zjunk", "",
    ])
    func refusals(text: String) {
        #expect(!XSDDateTimeStamp.isValid(text))
    }
}
