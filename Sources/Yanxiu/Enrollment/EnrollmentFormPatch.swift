/// Values carried into a teacher's enrolment forms when the profile or the declarations change.
public struct EnrollmentFormPatch: Sendable, Equatable {
    /// Text fields of the form by name (`name`, `idType`, ...), in the order given.
    public var fields: [Field]
    public var schoolID: Int64?
    /// The declared roles, when the teacher has a membership holding them.
    public var declaredMentalHealth: Bool?
    public var declaredHomeroom: Bool?

    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: String
    }

    public var isEmpty: Bool { fields.isEmpty && schoolID == nil && (declaredMentalHealth == nil || declaredHomeroom == nil) }
}
