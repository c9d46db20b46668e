import Foundation

/// A headless Chromium started for one build, spoken to over `--remote-debugging-pipe`: its fd 3
/// reads our commands, its fd 4 writes its replies. It has a profile folder of its own (removed
/// when it stops), no network use of its own, and the time zone UTC (the PDFs' dates are then
/// always written the same way, see `PDFBytes`).
final class ChromiumProcess: @unchecked Sendable {
    let pipe: DevToolsPipe
    private let pid: pid_t
    private let profile: String

    /// The switches: headless, a throwaway profile, nothing started that a printer does not need.
    /// No sandbox: it would need user namespaces many containers do not allow, and the pages are
    /// the kit's own, printed with the network shut (`PDFPrinter` answers every request).
    static let arguments = [
        "--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
        "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
        "--hide-scrollbars", "--mute-audio", "--font-render-hinting=none",
        // No network at all, whatever a page asks (the tabs answer every request themselves): no
        // pop-ups, no name is ever resolved, every connection goes to a proxy that is not there,
        // and WebRTC may use no UDP of its own (script is off too: see `Tab`).
        "--block-new-web-contents", "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=socks5://127.0.0.1:9",
        "--proxy-bypass-list=<-loopback>", "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
        "--webrtc-ip-handling-policy=disable_non_proxied_udp", "--disable-features=WebRtcHideLocalIpsWithMdns,MediaRouter,DialMediaRouteProvider",
        "about:blank",
    ]

    init(_ program: ChromiumProgram) throws(PrintFailure) {
        // The profile's name carries this process's id: a build that was killed leaves one
        // behind, which the next build removes once no process has that id.
        ProfileCleanup.sweepStale()
        ProfileCleanup.shared.installHandlers()
        let template = FileManager.default.temporaryDirectory.path + "/\(ProfileCleanup.prefix)\(getpid())-XXXXXX"
        var name = Array(template.utf8CString)
        guard mkdtemp(&name) != nil else { throw .chromium("cannot start: no temporary folder for its profile (\(String(cString: strerror(errno))))") }
        profile = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        ProfileCleanup.shared.add(profile)

        // Our write end → its fd 3; its fd 4 → our read end. Close-on-exec: only the dup2'd copies
        // reach Chromium.
        var commands: [Int32] = [0, 0], replies: [Int32] = [0, 0]
        guard Glibc.pipe(&commands) == 0, Glibc.pipe(&replies) == 0 else {
            throw .chromium("cannot start: no pipe (\(String(cString: strerror(errno))))")
        }
        for descriptor in commands + replies { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, commands[0], 3)
        posix_spawn_file_actions_adddup2(&actions, replies[1], 4)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, profile + "/stderr.txt", O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let arguments = [program.path, "--user-data-dir=" + profile] + Self.arguments
        var environment = ProcessInfo.processInfo.environment
        environment["TZ"] = "UTC"
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        // A process group of its own (Chromium is a dozen processes): a signal can then stop and
        // end all of them at once (`ProfileCleanup`), and a terminal's Ctrl-C reaches refkit, which
        // stops them, rather than each of them.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var pid: pid_t = 0
        let status = posix_spawn(&pid, program.path, &actions, &attributes, argv, envp)
        close(commands[0])
        close(replies[1])
        guard status == 0 else {
            close(commands[1])
            close(replies[0])
            throw .chromium("cannot start \(program.path): \(String(cString: strerror(status)))")
        }
        self.pid = pid
        ProfileCleanup.shared.started(pid, profile: profile)
        let profile = profile
        pipe = DevToolsPipe(output: FileHandle(fileDescriptor: commands[1], closeOnDealloc: true),
                            input: FileHandle(fileDescriptor: replies[0], closeOnDealloc: true)) {
            let said = (try? String(contentsOfFile: profile + "/stderr.txt", encoding: .utf8)) ?? ""
            let last = said.split(separator: "\n").suffix(3).joined(separator: " / ")
            return "stopped" + (last.isEmpty ? "" : ": " + last)
        }
    }

    /// Asks Chromium to close, waits for it (killing it after 10 s), and removes its profile.
    func stop() {
        _ = try? pipe.call("Browser.close", timeout: 10)
        var status: Int32 = 0
        for _ in 0..<100 {
            if waitpid(pid, &status, WNOHANG) != 0 { return removeProfile() }
            usleep(100_000)
        }
        kill(-pid, SIGKILL)
        waitpid(pid, &status, 0)
        removeProfile()
    }

    private func removeProfile() {
        try? FileManager.default.removeItem(atPath: profile)
        ProfileCleanup.shared.remove(profile)
    }
}

/// Chromium's throwaway profiles (a megabyte each) never outlive the build: on Ctrl-C, SIGTERM or
/// SIGHUP the build stops Chromium and removes them before it ends as the signal asks; a profile
/// left by a build that was killed outright (SIGKILL) is removed by the next build that prints.
final class ProfileCleanup: @unchecked Sendable {
    static let prefix = "refkit-chromium-"
    static let shared = ProfileCleanup()

    private let lock = NSLock()
    private var profiles: [String: pid_t] = [:]
    private var sources: [DispatchSourceSignal] = []

    /// Registers a profile as soon as it is made (before its Chromium starts).
    func add(_ profile: String) { lock.withLock { profiles[profile] = 0 } }

    /// Before the first profile is made: from then on these signals stop Chromium and remove it.
    func installHandlers() {
        lock.withLock {
            guard sources.isEmpty else { return }
            for signal in [SIGINT, SIGTERM, SIGHUP] {
                Glibc.signal(signal, SIG_IGN)  // delivered to the source below instead
                let source = DispatchSource.makeSignalSource(signal: signal, queue: .global())
                source.setEventHandler { [self] in stopAll(then: signal) }
                source.resume()
                sources.append(source)
            }
        }
    }

    func started(_ chromium: pid_t, profile: String) { lock.withLock { profiles[profile] = chromium } }

    func remove(_ profile: String) { lock.withLock { _ = profiles.removeValue(forKey: profile) } }

    /// Stops every Chromium, removes its profile, and ends the process as `signal` would have.
    private func stopAll(then signal: Int32) {
        let running = lock.withLock { profiles }
        for (profile, chromium) in running {
            // Frozen first: it writes nothing more into its profile while that is removed, and the
            // build does not see it gone (and end on its own) before the profile is.
            if chromium > 0 { kill(-chromium, SIGSTOP) }
            try? FileManager.default.removeItem(atPath: profile)
            if chromium > 0 {
                kill(-chromium, SIGKILL)
                var status: Int32 = 0
                waitpid(chromium, &status, 0)
                try? FileManager.default.removeItem(atPath: profile)
            }
        }
        // One made a moment ago and not yet registered carries this process's id too.
        for (path, owner) in Self.profilesInTemporaryFolder() where owner == getpid() {
            try? FileManager.default.removeItem(atPath: path)
        }
        // To the process, not this thread (a dispatch worker blocks signals: `raise` would leave
        // it pending there, and the build would go on).
        Glibc.signal(signal, SIG_DFL)
        kill(getpid(), signal)
    }

    /// Removes the profiles in the temporary folder whose build (the id in the name) has ended.
    static func sweepStale() {
        for (path, owner) in profilesInTemporaryFolder() where owner != getpid() && kill(owner, 0) != 0 && errno == ESRCH {
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// refkit's profiles in the temporary folder, with the id of the process that made each.
    private static func profilesInTemporaryFolder() -> [(path: String, owner: pid_t)] {
        let folder = FileManager.default.temporaryDirectory.path
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).compactMap { name in
            guard name.hasPrefix(prefix), let owner = pid_t(name.dropFirst(prefix.count).prefix { $0 != "-" }) else { return nil }
            return (folder + "/" + name, owner)
        }
    }
}
