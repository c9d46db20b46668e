import RefkitLedger

extension Charts {
    /// The referral process as a diagram: one box per step (its name, owner and time limit, and
    /// the referrals that reached it), joined by arrows that say how many went on and how long
    /// that took. Drawn top to bottom and narrow, so on a phone it shrinks a little instead of
    /// scrolling; a long name takes two lines.
    static func process(_ steps: [ReferralFlow.StepFigures], width: Int = 420) -> String {
        let box = 84, gap = 46
        let height = max(1, steps.count * box + max(0, steps.count - 1) * gap)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" direction=\"ltr\" aria-label=\"\(Formatting.text("process_title"))\" \(font) font-size=\"13\">"
        svg += "<title>\(Formatting.text("process_title"))</title>"
        for (index, figures) in steps.enumerated() {
            let y = index * (box + gap)
            let step = figures.step
            svg += "<rect x=\"1\" y=\"\(y + 1)\" width=\"\(width - 2)\" height=\"\(box - 2)\" rx=\"6\" fill=\"#EFF6FF\" stroke=\"\(colors[step.stage] ?? "#2563EB")\" stroke-width=\"2\"/>"
            for (number, line) in wrap("\(index + 1). \(Formatting.stepName(step))", width: 36, lines: 2).enumerated() {
                svg += "<text x=\"14\" y=\"\(y + 24 + number * 19)\" font-size=\"15\" font-weight=\"700\" fill=\"#1F2937\">\(escape(line))</text>"
            }
            var detail = step.owner.map { Formatting.text("owner_is", ["owner": $0]) } ?? Formatting.text("no_owner")
            if let days = step.withinDays { detail += " · " + Formatting.text("within_days", ["days": Formatting.plural(days, "days")]) }
            svg += "<text x=\"14\" y=\"\(y + 70)\" fill=\"#374151\">\(escape(clip(detail, to: 44)))</text>"
            svg += "<text x=\"\(width - 14)\" y=\"\(y + 30)\" text-anchor=\"end\" font-size=\"22\" font-weight=\"700\" fill=\"#1F2937\">\(Formatting.count(figures.reached))</text>"
            svg += "<text x=\"\(width - 14)\" y=\"\(y + 50)\" text-anchor=\"end\" fill=\"#374151\">\(Formatting.text("reached_label"))</text>"
            guard let onward = figures.onToNext else { continue }
            let top = y + box, bottom = y + box + gap
            svg += "<line x1=\"40\" y1=\"\(top + 2)\" x2=\"40\" y2=\"\(bottom - 8)\" stroke=\"#6B7280\" stroke-width=\"2\"/>"
            svg += "<polygon points=\"34,\(bottom - 10) 46,\(bottom - 10) 40,\(bottom - 2)\" fill=\"#6B7280\"/>"
            var label = figures.reached == 0 ? Formatting.text("none_yet")
                : Formatting.text("went_on", ["percent": ReportPage.percent(onward, of: figures.reached), "count": Formatting.count(onward)])
            if let half = figures.medianHalfDays {
                label += " · " + Formatting.words.plural("median", count: half % 2 == 0 ? half / 2 : nil, written: Formatting.halfDays(half))
            }
            svg += "<text x=\"56\" y=\"\(top + gap / 2 + 5)\" fill=\"#1F2937\">\(escape(label))</text>"
        }
        return svg + "</svg>"
    }

    /// `text` in lines of at most `width` characters, broken between words, at most `lines` of them
    /// (the last with an ellipsis when cut: the table beside has the whole text).
    static func wrap(_ text: String, width: Int, lines: Int) -> [String] {
        var result: [String] = [], current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty || current.count + 1 + word.count <= width {
                current += (current.isEmpty ? "" : " ") + word
            } else {
                result.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { result.append(current) }
        guard result.count > lines else { return result.map { clip($0, to: width) } }
        return result.prefix(lines - 1).map { clip($0, to: width) } + [clip(result[(lines - 1)...].joined(separator: " "), to: width)]
    }

    /// At most `limit` characters, with an ellipsis when cut (the table beside has the whole text).
    static func clip(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
