/// Checks of the free-text names people type: the real name (姓名) and the nickname (昵称).
///
/// Real names are what certificates print, so they allow letters of any script, the
/// middle dot of minority and foreign names in Chinese (`·`), and the space, hyphen,
/// full stop and apostrophe of Latin-script names; digits and other symbols are typos.
public enum PersonName {
    /// Why a name was refused; the raw values are the `reason` strings of `data.fields`.
    public enum Problem: String, Error, Sendable, CaseIterable {
        case empty, tooShort, tooLong, characters
    }

    static let nameSeparators: Set<Character> = ["·", "•", "・", " ", "-", ".", "'"]

    /// The real name trimmed, or the rule it breaks: 2 to 50 characters, letters and separators only.
    public static func realName(_ text: String) throws(Problem) -> String {
        let name = String(AccountText.trimmed(text))
        if name.isEmpty { throw .empty }
        let count = name.prefix(51).count
        if count < 2 { throw .tooShort }
        if count > 50 { throw .tooLong }
        guard name.allSatisfy({ $0.isLetter || nameSeparators.contains($0) }),
              name.first.map({ !nameSeparators.contains($0) }) == true
        else { throw .characters }
        return name
    }

    /// The nickname trimmed, or the rule it breaks: 1 to 20 visible characters (inner spaces allowed).
    public static func nickname(_ text: String) throws(Problem) -> String {
        let name = String(AccountText.trimmed(text))
        if name.isEmpty { throw .empty }
        if name.prefix(21).count > 20 { throw .tooLong }
        guard name.allSatisfy({ $0 == " " || AccountText.isVisible($0) }) else { throw .characters }
        return name
    }
}
