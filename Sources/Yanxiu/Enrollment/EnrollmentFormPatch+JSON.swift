import JSONValues

extension EnrollmentFormPatch {
    /// A stored form (JSON text) with this patch's fields set; other members keep their places.
    /// The declarations are set only together, as the patch gives them.
    func applied(to form: String) throws -> String {
        guard var object = try JSONParser.parse(form).objectValue else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "a stored enrolment form is not a JSON object"))
        }
        for field in fields {
            object[field.name] = .string(field.value)
        }
        if let schoolID {
            object["schoolId"] = .int64(schoolID)
        }
        if let declaredMentalHealth, let declaredHomeroom {
            object["isMentalHealthTeacher"] = .bool(declaredMentalHealth)
            object["isHomeroomTeacher"] = .bool(declaredHomeroom)
        }
        return JSONWriter.string(.object(object))
    }
}
