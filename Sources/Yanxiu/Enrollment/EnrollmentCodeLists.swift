/// Code lists of the enrolment form beyond the account lists, and the union `codes.list` serves.
public enum EnrollmentCodeLists {
    /// 荣誉 (optional): the teacher's highest honour, by the level that awarded it.
    public static let honours = CodeList(field: "honours", [
        "none": "无",
        "national": "国家级荣誉",
        "provincial": "省级荣誉",
        "municipal": "市级荣誉",
        "county": "县级荣誉",
        "school": "校级荣誉",
    ])

    /// Every list a form field takes codes from, in presentation order.
    public static let all: [CodeList] = CodeLists.all + [honours]

    /// The list of `field`, whether an account list or one of the form's own.
    public static func list(field: String) -> CodeList? {
        CodeLists.list(field: field) ?? all.first { $0.field == field }
    }
}
