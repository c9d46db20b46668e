import RefkitLedger
import RefkitModel

/// The rules of `content/process.yml`: a list of `steps`, each a stage of a referral's path
/// (lead, appointment, deal) in the ledger's order, once each, with a name, an optional owner and
/// an optional `within_days` (0 or more).
extension KitValidator {
    static let processKeys = ["steps"]
    static let stepKeys = ["stage", "name", "owner", "within_days"]

    static func validateProcess(_ document: YAMLDocument, log: DiagnosticLog) -> ReferralProcess? {
        let fields = FieldReader(document, node: document.root, knownKeys: processKeys, log: log)
        guard let list = fields.value("steps") else {
            log.append(.error("missing required field 'steps' (the list of what happens to a referral, one '- { stage: lead, name: ... }' per step)",
                              at: fields.location))
            return nil
        }
        guard case .sequence(let items) = list.value, !items.isEmpty else {
            log.append(.error("'steps' must be a list of steps ('- { stage: lead, name: ..., owner: ..., within_days: 2 }')",
                              at: list.location))
            return nil
        }
        let allowed = ReferralProcess.stages.map(\.name)
        var steps: [ReferralProcess.Step] = []
        var valid = true
        for (index, item) in items.enumerated() {
            let step = FieldReader(document, node: item, path: "steps[\(index + 1)]", knownKeys: stepKeys, log: log)
            guard step.node != nil else { valid = false; continue }
            let name = step.string("name", required: true)
            let owner = step.string("owner")
            var withinDays = step.int("within_days")
            if let days = withinDays, days < 0 {
                log.append(.error("'\(step.qualified("within_days"))' must be 0 or more days, not \(days)", at: step.location(of: "within_days")))
                withinDays = nil
            }
            var stage: Stage?
            if let text = step.string("stage", required: true) {
                stage = Stage(name: text)
                if stage == nil || !ReferralProcess.stages.contains(stage!) {
                    var message = stage == nil
                        ? "unknown stage '\(text)': a step is one of \(allowed.joined(separator: ", "))"
                        : "a step is one of \(allowed.joined(separator: ", ")), the stages a referral moves through; '\(text)' is not one"
                    if stage == nil, let suggestion = closest(to: text.lowercased(), among: allowed) { message += "; did you mean '\(suggestion)'?" }
                    log.append(.error(message, at: step.location(of: "stage")))
                    stage = nil
                }
            }
            guard let stage, let name else { valid = false; continue }
            if let before = steps.last(where: { $0.stage.rawValue >= stage.rawValue }) {
                let message = before.stage == stage
                    ? "a second step for the stage '\(stage.name)': each stage is one step"
                    : "the step for '\(stage.name)' comes after the one for '\(before.stage.name)': steps follow the ledger's stage order (\(allowed.joined(separator: ", ")))"
                log.append(.error(message, at: step.location(of: "stage")))
                valid = false
                continue
            }
            if withinDays != nil, stage == ReferralProcess.stages.last {
                log.append(.warning("'\(step.qualified("within_days"))' is not used: no stage comes after a \(stage.name) in the ledger",
                                    at: step.location(of: "within_days")))
                withinDays = nil
            }
            steps.append(ReferralProcess.Step(stage: stage, name: name, owner: owner, withinDays: withinDays))
        }
        return valid ? ReferralProcess(steps: steps) : nil
    }
}
