import Testing
import Yanxiu

@Suite("The client a back end names for a password login")
struct LoginClientTests {
    @Test("addresses and other identifiers of 1 to 128 printable ASCII characters are taken as given", arguments: [
        "198.51.100.7", "2001:db8::1", "[2001:db8::1]:443", "x", "user 42", "~!@#$%^&*()_+`-={}|[]\\:\";'<>?,./",
        String(repeating: "a", count: 128),
    ])
    func accepted(text: String) throws {
        let client = try LoginClient.parse(text).get()
        #expect(client.key == text)
        #expect(client.name == text)
    }

    @Test("empty, too long, control characters and non-ASCII are refused with their reasons", arguments: [
        ("", LoginClientError.empty), (String(repeating: "a", count: 129), .tooLong), ("a\tb", .format), ("a\nb", .format),
        ("a\u{7F}", .format), ("a\u{0}", .format), ("北京", .format), ("é", .format), ("\u{A0}", .format),
    ])
    func refused(text: String, error: LoginClientError) {
        #expect(LoginClient.problem(with: text) == error)
        #expect(throws: error) { try LoginClient.parse(text).get() }
    }

    @Test("the reasons are the data.fields names")
    func reasons() {
        #expect([LoginClientError.empty, .tooLong, .format].map(\.reason) == ["empty", "too_long", "format"])
    }

    @Test("every ASCII character from space to tilde is printable; every other below 256 is not")
    func printableRange() {
        for value in UInt32(0)..<256 {
            let text = String(Character(Unicode.Scalar(value)!))
            #expect((LoginClient.problem(with: text) == nil) == (0x20...0x7E).contains(value), "U+\(String(value, radix: 16))")
        }
    }

    @Test("calls naming no client share a key no named client can have")
    func unnamed() {
        #expect(LoginClient.unnamed.key == "")
        #expect(LoginClient.unnamed.name == nil)
        #expect(LoginClient.problem(with: LoginClient.unnamed.key) == .empty)
    }
}
