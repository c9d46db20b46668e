/// Why a PDF could not be printed. Every case names what to do.
public enum PrintFailure: Error, Equatable, CustomStringConvertible {
    /// Neither Chromium program is on PATH (nor at `REFKIT_CHROMIUM`).
    case notInstalled
    /// `REFKIT_CHROMIUM` names a file that is not a program.
    case notAProgram(String)
    /// Chromium could not be started, or stopped (crashed, killed) while printing.
    case chromium(String)
    /// A page did not load or print.
    case page(String, String)
    /// A page printed on more than one sheet.
    case pages(String, count: Int, paper: String)
    /// A page whose parts that are never left out do not fit its sheet (`PrintFit.overflowing`).
    case doesNotFit(String, parts: [String], paper: String)

    public var description: String {
        switch self {
        case .notInstalled:
            "--pdf prints with headless Chromium, which is not installed: install Debian's package chromium-headless-shell "
                + "(sudo apt-get install chromium-headless-shell), or chromium, or set REFKIT_CHROMIUM to its program"
        case .notAProgram(let path): "REFKIT_CHROMIUM is \(path), which is not a program"
        case .chromium(let reason): "Chromium \(reason)"
        case .page(let page, let reason): "cannot print \(page): \(reason)"
        case .pages(let page, let count, let paper):
            "\(page) prints on \(count) pages of \(paper) paper; a handout or offer must fit on one: shorten it, or its template's layout"
        case .doesNotFit(let page, let parts, let paper):
            "\(page) does not fit one sheet of \(paper) paper even at 80% type with every part that may be left out left out: "
                + "\(parts.joined(separator: ", ")) would be cut; shorten them (an offer's value, code, validity and terms, "
                + "the referral link and the contact are never left out)"
        }
    }
}
