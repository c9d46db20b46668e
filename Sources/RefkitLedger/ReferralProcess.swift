/// `content/process.yml`: what happens to a referral once it arrives, step by step, each step a
/// stage of the ledger with who owns it and how long a referral may wait there (FORMAT.md,
/// "Operating the referral process"). Private, like the ledger: only `refkit report` shows it.
public struct ReferralProcess: Sendable, Hashable {
    public static let file = "content/process.yml"
    /// The stages a step may be, in the order a referral moves through them.
    public static let stages: [Stage] = [.lead, .appointment, .deal]

    public struct Step: Sendable, Hashable {
        public var stage: Stage
        public var name: String
        public var owner: String?
        /// How long a referral may wait at this step before a later stage should appear in the ledger.
        public var withinDays: Int?

        public init(stage: Stage, name: String, owner: String? = nil, withinDays: Int? = nil) {
            self.stage = stage
            self.name = name
            self.owner = owner
            self.withinDays = withinDays
        }
    }

    /// In the ledger's stage order, one per stage at most.
    public var steps: [Step]
    /// False for the stand-in a kit without `content/process.yml` gets.
    public var isWritten: Bool

    public init(steps: [Step], isWritten: Bool = true) {
        self.steps = steps
        self.isWritten = isWritten
    }

    /// Without a process.yml: the ledger's own stages, unowned, with no time limits; unnamed (an
    /// empty name), so the report names each with its stage's word in its language.
    public static let stagesOnly = ReferralProcess(
        steps: [Step(stage: .lead, name: ""), Step(stage: .appointment, name: ""), Step(stage: .deal, name: "")],
        isWritten: false)
}
