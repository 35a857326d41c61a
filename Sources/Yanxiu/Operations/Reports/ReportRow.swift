/// One line of a topic report: a school, county or province and its figures.
public struct ReportRow: Sendable, Equatable {
    /// The school id, or the region code of the county or province.
    public var key: String
    public var name: String
    /// For schools: the county's code and name; for counties: the province's. Empty for provinces.
    public var parentCode: String
    public var parentName: String
    public var figures: ReportFigures

    public init(key: String, name: String, parentCode: String = "", parentName: String = "", figures: ReportFigures = ReportFigures()) {
        self.key = key
        self.name = name
        self.parentCode = parentCode
        self.parentName = parentName
        self.figures = figures
    }
}
