/// How phone and ID numbers are shown to everyone but privileged operators.
///
/// The star count is fixed so a masked value does not reveal the length of what it
/// hides. Both functions take any text, not only validated numbers, so that
/// whatever a caller typed can be echoed or logged without leaking it.
public enum Masking {
    /// The stars that stand in for the hidden middle of a phone number.
    public static let phoneStars = "****"
    /// The stars that stand in for the hidden middle of an ID number.
    public static let idStars = "*****"

    /// `15900006962` → `159****6962`: first 3, four stars, last 4.
    ///
    /// Shorter texts cannot be real numbers; they keep at most their last 2
    /// characters, and nothing below 6, so the mask never shows most of them.
    public static func phoneNumber(_ text: String) -> String {
        let count = text.count
        if count >= 11 { return keep(text, first: 3, last: 4, stars: phoneStars) }
        if count >= 6 { return keep(text, first: 0, last: 2, stars: phoneStars) }
        return phoneStars
    }

    /// `371122198209201234` → `37*****1234`: first 2, five stars, last 4, as the
    /// programme's manual shows.
    ///
    /// Passports and permits are shorter, so they keep less to stay mostly hidden:
    /// 8 to 11 characters keep the first 1 and last 2 (`E*****78`), 4 to 7 keep the
    /// first and the last (`A*****5`), and anything shorter is all stars.
    public static func idNumber(_ text: String) -> String {
        switch text.count {
        case 12...: return keep(text, first: 2, last: 4, stars: idStars)
        case 8...11: return keep(text, first: 1, last: 2, stars: idStars)
        case 4...7: return keep(text, first: 1, last: 1, stars: idStars)
        default: return idStars
        }
    }

    private static func keep(_ text: String, first: Int, last: Int, stars: String) -> String {
        String(text.prefix(first)) + stars + String(text.suffix(last))
    }
}
