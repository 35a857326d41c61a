/// The six-digit codes sent by SMS and the message that carries them.
public enum SMSCodeText {
    /// Six digits from the system's cryptographic generator (`getrandom` on Linux).
    public static func newCode() -> String {
        var generator = SystemRandomNumberGenerator()
        let number = UInt32.random(in: 0..<1_000_000, using: &generator)
        let digits = String(number)
        return String(repeating: "0", count: 6 - digits.count) + digits
    }

    /// Whether `text` has the shape of a code (six ASCII digits), before any lookup.
    public static func isWellFormed(_ text: String) -> Bool {
        text.count == 6 && text.allSatisfy(AccountText.isDigit)
    }

    /// The message body: the code first, so phones that offer to copy codes find it.
    public static func message(code: String, purposeLabel: String, validMinutes: Int) -> String {
        "【国家中小学智慧教育平台】验证码 \(code)，用于\(purposeLabel)，\(validMinutes)分钟内有效。请勿告诉他人。"
    }
}
