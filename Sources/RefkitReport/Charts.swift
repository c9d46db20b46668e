import RefkitLedger

/// The report's charts: inline SVG built here (no script, no web fonts), with every number
/// written as text beside its bar, so they read the same on screen, in print and in a screenshot.
enum Charts {
    static let colors: [Stage: String] = [
        .view: "#94A3B8", .lead: "#2563EB", .appointment: "#7C3AED", .deal: "#047857", .lost: "#B91C1C",
    ]
    static let font = "font-family=\"system-ui, -apple-system, 'Segoe UI', sans-serif\""

    /// The funnel: one bar per stage (views → leads → appointments → deals), each with its count,
    /// and the conversion from the stage above among the same referrals (`Conversion`; `sources`
    /// are the per-source tallies that add up to `tally`).
    static func funnel(_ tally: Tally, sources: [Tally], title: String, width: Int = 560) -> String {
        let stages: [(Stage, String)] = [(Stage.view, "views"), (Stage.lead, "leads"), (Stage.appointment, "appointments"), (Stage.deal, "deals")]
            .map { stage, key in (stage, Formatting.text(key)) }
        let largest = max(1, stages.map { tally[$0.0] }.max() ?? 1)
        let labelWidth = 110, rowHeight = 34, barMax = width - labelWidth - 200  // room for "16  (views not tracked)"
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(stages.count * rowHeight + 8)\" width=\"\(width)\" height=\"\(stages.count * rowHeight + 8)\" role=\"img\" direction=\"ltr\" aria-label=\"\(escape(title))\" \(font) font-size=\"14\">"
        svg += "<title>\(escape(title))</title>"
        var previous = 0  // the last step the ledger tracks: the next rate is of it
        for (index, (stage, label)) in stages.enumerated() {
            let y = index * rowHeight + 4
            let value = tally[stage]
            let bar = value == 0 ? 0 : max(2, value * barMax / largest)
            svg += "<text x=\"0\" y=\"\(y + 20)\" fill=\"#1F2937\">\(label)</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(bar)\" height=\"\(rowHeight - 10)\" rx=\"3\" fill=\"\(colors[stage]!)\"/>"
            var text = Formatting.count(value)
            if index > 0 {
                // An optional step with no rows while later ones have some (deals recorded straight
                // after leads): not tracked, and skipped by the next step's rate.
                if value == 0, Conversion.optional.contains(stage), stages[(index + 1)...].contains(where: { tally[$0.0] > 0 }) {
                    text += "  (" + Formatting.text("not_tracked") + ")"
                } else {
                    let conversion = Conversion(from: stages[previous].0, to: stage, in: sources)
                    text += "  (" + conversion.caption(of: stages[previous].0) + ")"
                    previous = index
                }
            }
            svg += "<text x=\"\(labelWidth + bar + 8)\" y=\"\(y + 20)\" fill=\"#1F2937\">\(escape(text))</text>"
        }
        return svg + "</svg>"
    }

    /// Leads and deals per month, side by side, with a scale and month names.
    static func months(_ months: [ReportData.Month], width: Int = 880) -> String {
        let height = 260, left = 44, bottom = 40, top = 28
        let plotWidth = width - left - 8, plotHeight = height - bottom - top
        let largest = max(1, months.map { max($0.tally[.lead], $0.tally[.deal]) }.max() ?? 1)
        let step = niceStep(largest)
        let scaleTop = max(step, (largest + step - 1) / step * step)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" direction=\"ltr\" aria-label=\"\(Formatting.text("per_month"))\" \(font) font-size=\"12\">"
        svg += "<title>\(Formatting.text("per_month"))</title>"
        // Legend
        svg += "<rect x=\"\(left)\" y=\"4\" width=\"12\" height=\"12\" fill=\"\(colors[.lead]!)\"/><text x=\"\(left + 16)\" y=\"14\" fill=\"#1F2937\">\(Formatting.text("leads"))</text>"
        // The second key after the first's label (at 12 px, a character is at most about 8 px wide).
        let second = left + max(70, 16 + Formatting.text("leads").count * 8 + 14)
        svg += "<rect x=\"\(second)\" y=\"4\" width=\"12\" height=\"12\" fill=\"\(colors[.deal]!)\"/><text x=\"\(second + 16)\" y=\"14\" fill=\"#1F2937\">\(Formatting.text("deals"))</text>"
        // Scale
        for value in stride(from: 0, through: scaleTop, by: step) {
            let y = top + plotHeight - value * plotHeight / scaleTop
            svg += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(width - 8)\" y2=\"\(y)\" stroke=\"#E5E7EB\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(y + 4)\" text-anchor=\"end\" fill=\"#4B5563\">\(Formatting.count(value))</text>"
        }
        let slot = plotWidth / max(1, months.count)
        let bar = max(2, min(22, (slot - 6) / 2))
        for (index, month) in months.enumerated() {
            let x = left + index * slot + (slot - 2 * bar) / 2
            for (offset, stage) in [Stage.lead, .deal].enumerated() {
                let value = month.tally[stage]
                let h = value * plotHeight / scaleTop
                let barX = x + offset * bar
                svg += "<rect x=\"\(barX)\" y=\"\(top + plotHeight - h)\" width=\"\(bar - 1)\" height=\"\(h)\" fill=\"\(colors[stage]!)\"><title>\(Formatting.month(month.month)) \(month.year): \(Formatting.plural(value, stage == .lead ? "leads_n" : "deals_n"))</title></rect>"
                if value > 0, months.count <= 13 {
                    svg += "<text x=\"\(barX + bar / 2)\" y=\"\(top + plotHeight - h - 3)\" text-anchor=\"middle\" font-size=\"10\" fill=\"#1F2937\">\(Formatting.count(value))</text>"
                }
            }
            let label = Formatting.month(month.month)
            svg += "<text x=\"\(left + index * slot + slot / 2)\" y=\"\(height - bottom + 16)\" text-anchor=\"middle\" fill=\"#4B5563\">\(label)</text>"
            if month.month == 1 || index == 0 {
                svg += "<text x=\"\(left + index * slot + slot / 2)\" y=\"\(height - bottom + 30)\" text-anchor=\"middle\" fill=\"#4B5563\">\(month.year)</text>"
            }
        }
        svg += "<line x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(width - 8)\" y2=\"\(top + plotHeight)\" stroke=\"#6B7280\"/>"
        return svg + "</svg>"
    }

    /// 1, 2 or 5 × 10ⁿ, so the scale has about four lines.
    static func niceStep(_ largest: Int) -> Int {
        let rough = max(1, largest / 4)
        var magnitude = 1
        while magnitude * 10 <= rough { magnitude *= 10 }
        for factor in [1, 2, 5, 10] where factor * magnitude >= rough { return factor * magnitude }
        return 10 * magnitude
    }
}
