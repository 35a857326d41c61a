import Foundation
import JSONRPC

/// How a `report.topic` answer is laid out as a table and as CSV: the same columns for both,
/// headed in Chinese like the programme's own forms.
struct ReportLayout {
    let grouping: String
    let result: JSONValue

    /// The columns naming the group, then the figures.
    var headers: [String] {
        let group: [String] = switch grouping {
        case "school": ["学校ID", "学校", "县区"]
        case "province": ["代码", "省份"]
        default: ["代码", "县区", "省份"]
        }
        return group + ["报名", "申报心理", "申报班主任", "认定心理", "认定班主任", "完成课次", "合格", "证书", "人均认定学时"]
    }

    var groupColumnCount: Int { grouping == "province" ? 2 : 3 }

    static let figureKeys = [
        "enrolled", "declaredMentalHealth", "declaredHomeroom", "verifiedMentalHealth", "verifiedHomeroom",
        "lessonsCompleted", "qualifying", "certificates",
    ]

    var rows: [[CSVWriter.Cell]] {
        (result["rows"]?.arrayValue ?? []).map { row in
            var cells: [CSVWriter.Cell] = [.text(row["key"]?.stringValue ?? ""), .text(row["name"]?.stringValue ?? "")]
            if groupColumnCount == 3 { cells.append(.text(row["parentName"]?.stringValue ?? "")) }
            return cells + figures(row)
        }
    }

    var totalRow: [CSVWriter.Cell] {
        let total = result["total"] ?? .null
        return [.text("合计")] + Array(repeating: .text(""), count: groupColumnCount - 1) + figures(total)
    }

    private func figures(_ object: JSONValue) -> [CSVWriter.Cell] {
        Self.figureKeys.map { .number(String(object[$0]?.int64Value ?? 0)) }
            + [.number(String(format: "%.2f", object["meanRecognisedHours"]?.doubleValue ?? 0))]
    }

    func table() -> TextTable {
        var table = TextTable(headers.enumerated().map { index, title in
            TextTable.Column(title: title, alignment: index < groupColumnCount ? .left : .right)
        })
        table.rows = rows.map { $0.map(\.display) }
        table.footer = [totalRow.map(\.display)]
        return table
    }

    func csv(byteOrderMark: Bool) -> CSVWriter {
        var writer = CSVWriter(byteOrderMark: byteOrderMark)
        writer.row(headers.map { .text($0) })
        for row in rows { writer.row(row) }
        writer.row(totalRow)
        return writer
    }
}

extension CSVWriter.Cell {
    var display: String {
        switch self {
        case .text(let value), .number(let value): value
        }
    }
}
