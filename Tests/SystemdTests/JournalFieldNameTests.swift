import Systemd
import Testing

@Suite struct JournalFieldNameTests {
    @Test(arguments: [
        ("rpc.method", "RPC_METHOD"),
        ("peer.uid", "PEER_UID"),
        ("userId", "USERID"),
        ("request-id", "REQUEST_ID"),
        ("already_FINE_9", "ALREADY_FINE_9"),
        ("a b", "A_B"),
        ("_hidden", "HIDDEN"),
        (".dotted", "DOTTED"),
        ("__x", "X"),
        ("2fa", "META_2FA"),
        ("_1st", "META_1ST"),
        ("message", "META_MESSAGE"),
        ("priority", "META_PRIORITY"),
        ("code.file", "META_CODE_FILE"),
        ("syslog.identifier", "META_SYSLOG_IDENTIFIER"),
        ("message.id", "MESSAGE_ID"),
        ("", "META"),
        ("...", "META"),
        ("学校.id", "ID"),
        ("schülerZahl", "SCH_LERZAHL"),
    ])
    func metadataKeyBecomesJournalField(key: String, field: String) {
        #expect(JournalFieldName.forMetadataKey(key) == field)
        #expect(JournalFieldName.isValid(field))
    }

    @Test func longKeysAreCutToTheJournalLimit() {
        let field = JournalFieldName.forMetadataKey(String(repeating: "a.", count: 50))
        #expect(field.count == 64)
        #expect(field.hasPrefix("A_A_A_"))
        #expect(JournalFieldName.isValid(field))
    }

    @Test(arguments: [
        ("MESSAGE", true),
        ("RPC_METHOD", true),
        ("A1", true),
        ("", false),
        ("_PID", false),
        ("1A", false),
        ("rpc_method", false),
        ("RPC.METHOD", false),
        (String(repeating: "A", count: 65), false),
    ])
    func validityFollowsJournald(name: String, valid: Bool) {
        #expect(JournalFieldName.isValid(name) == valid)
    }
}
