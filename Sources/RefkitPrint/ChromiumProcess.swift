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
        let template = FileManager.default.temporaryDirectory.path + "/refkit-chromium-XXXXXX"
        var name = Array(template.utf8CString)
        guard mkdtemp(&name) != nil else { throw .chromium("cannot start: no temporary folder for its profile (\(String(cString: strerror(errno))))") }
        profile = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)

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
        var pid: pid_t = 0
        let status = posix_spawn(&pid, program.path, &actions, nil, argv, envp)
        close(commands[0])
        close(replies[1])
        guard status == 0 else {
            close(commands[1])
            close(replies[0])
            throw .chromium("cannot start \(program.path): \(String(cString: strerror(status)))")
        }
        self.pid = pid
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
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        removeProfile()
    }

    private func removeProfile() { try? FileManager.default.removeItem(atPath: profile) }
}
