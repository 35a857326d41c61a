/// How `report.topic` groups teachers: by the school of their enrolment, its county, or its province.
public enum ReportGrouping: String, Sendable, CaseIterable {
    case school, county, province
}
