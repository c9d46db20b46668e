// csv-bench swiftcsv|csvswift FILE: reads every row of a ledger and prints the row count and the
// sum of the `value` column, so both libraries do the same, complete work.
import CSV
import Foundation
import SwiftCSV

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    print("usage: csv-bench swiftcsv|csvswift FILE")
    exit(2)
}
let path = arguments[2]
var rows = 0
var total = 0.0

switch arguments[1] {
case "swiftcsv":
    // SwiftCSV's initializer parses every row into arrays; with rowLimit 1 it parses only the
    // first, and enumerateAsArray then streams the rest from the text, one row at a time.
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false, rowLimit: 1)
    try csv.enumerateAsArray(limitTo: nil, startAt: 1) { row in
        rows += 1
        if row.count > 3 { total += Double(row[3]) ?? 0 }
    }
case "csvswift":
    // CSV.swift streams from an InputStream.
    let reader = try CSVReader(stream: InputStream(fileAtPath: path)!, hasHeaderRow: true)
    while let row = reader.next() {
        rows += 1
        if row.count > 3 { total += Double(row[3]) ?? 0 }
    }
default:
    print("unknown library \(arguments[1])")
    exit(2)
}
print("\(arguments[1]): \(rows) rows, value total \(String(format: "%.2f", total))")
